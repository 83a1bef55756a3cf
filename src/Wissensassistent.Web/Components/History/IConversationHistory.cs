namespace Wissensassistent.Web.Components.History;

/// <summary>
/// A user's conversations: on the server for signed-in users (<c>UserConversationHistory</c>), in the browser for
/// anonymous ones (<see cref="BrowserConversationHistory"/>).
/// </summary>
public interface IConversationHistory
{
    /// <summary>True when the conversations are kept on the server, where answers keep running across a reload.</summary>
    Task<bool> IsOnServerAsync();

    /// <summary>Newest first; with <paramref name="search"/>, those whose title or text contains it (case-insensitive).</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default);

    Task<StoredConversation?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Saves or replaces a conversation; false when the browser refused (storage full or unavailable).</summary>
    Task<bool> SaveAsync(StoredConversation conversation, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
