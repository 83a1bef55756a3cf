namespace Wissensassistent.Web.Components.History;

/// <summary>Conversations kept in the user's browser, not on the server.</summary>
public interface IConversationHistory
{
    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<StoredConversation?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Saves or replaces a conversation; false when the browser refused (storage full or unavailable).</summary>
    Task<bool> SaveAsync(StoredConversation conversation, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
