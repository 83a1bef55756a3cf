using Wissensassistent.Web.Components.History;

namespace Wissensassistent.Web.Tests.Fakes;

public sealed class InMemoryConversationHistory : IConversationHistory
{
    public Dictionary<Guid, StoredConversation> Conversations { get; } = [];

    public Task<bool> IsOnServerAsync() => Task.FromResult(false);

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConversationSummary>>(Conversations.Values
            .Where(c => string.IsNullOrWhiteSpace(search) || c.Title.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.UpdatedAt).Select(c => c.Summary).ToList());

    public Task<StoredConversation?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Conversations.GetValueOrDefault(id));

    public Task<bool> SaveAsync(StoredConversation conversation, CancellationToken cancellationToken = default)
    {
        Conversations[conversation.Id] = conversation;
        return Task.FromResult(true);
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Conversations.Remove(id);
        return Task.CompletedTask;
    }
}
