namespace Wissensassistent.Core.Feedback;

/// <summary>Keeps what staff say about answers and citations, server-side.</summary>
public interface IFeedbackStore
{
    /// <summary>Inserts the entry, or replaces the one with the same <see cref="FeedbackEntry.Id"/>.</summary>
    Task SaveAsync(FeedbackEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an entry; unknown ids are ignored.</summary>
    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<FeedbackEntry>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
