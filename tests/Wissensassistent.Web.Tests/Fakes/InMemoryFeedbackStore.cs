using Wissensassistent.Core.Feedback;

namespace Wissensassistent.Web.Tests.Fakes;

public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    public Dictionary<Guid, FeedbackEntry> Entries { get; } = [];

    public Task SaveAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        Entries[entry.Id] = entry;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Entries.Remove(id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FeedbackEntry>>(Entries.Values.OrderByDescending(e => e.CreatedAt).Take(limit).ToList());
}
