using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Wissensassistent.Web.Components.History;

/// <summary>
/// History in the browser's local storage, encrypted and signed by ASP.NET Core Data Protection
/// (<see cref="ProtectedLocalStorage"/>): an index of summaries plus one entry per conversation, so that the list
/// loads without reading every answer.
/// </summary>
public sealed class BrowserConversationHistory(ProtectedLocalStorage storage, IOptions<WebUiOptions> options, ILogger<BrowserConversationHistory> logger)
    : IConversationHistory
{
    private const string IndexKey = "wa.history.index";

    public Task<bool> IsOnServerAsync() => Task.FromResult(false);

    /// <summary>The search looks at titles only: reading every answer out of the browser for it would be slow.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default) =>
        (await ReadIndexAsync().ConfigureAwait(false))
            .Where(s => string.IsNullOrWhiteSpace(search) || s.Title.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase))
            .OrderByDescending(s => s.UpdatedAt)
            .ToList();

    public async Task<StoredConversation?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ReadAsync<StoredConversation>(KeyOf(id)).ConfigureAwait(false);

    public async Task<bool> SaveAsync(StoredConversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var index = (await ReadIndexAsync().ConfigureAwait(false)).Where(s => s.Id != conversation.Id).ToList();
        index.Add(conversation.Summary);
        var dropped = index.OrderByDescending(s => s.UpdatedAt).Skip(options.Value.MaxStoredConversations).ToList();
        try
        {
            foreach (var old in dropped)
            {
                await storage.DeleteAsync(KeyOf(old.Id)).ConfigureAwait(false);
            }

            await storage.SetAsync(KeyOf(conversation.Id), ConversationJson.Serialize(conversation)).ConfigureAwait(false);
            await storage.SetAsync(IndexKey, ConversationJson.Serialize(index.Except(dropped).ToList())).ConfigureAwait(false);
            return true;
        }
        catch (JSException exception)
        {
            HistoryLog.SaveFailed(logger, exception);
            return false;
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var index = (await ReadIndexAsync().ConfigureAwait(false)).Where(s => s.Id != id).ToList();
        await storage.DeleteAsync(KeyOf(id)).ConfigureAwait(false);
        await storage.SetAsync(IndexKey, ConversationJson.Serialize(index)).ConfigureAwait(false);
    }

    private static string KeyOf(Guid id) => $"wa.history.{id:N}";

    private async Task<List<ConversationSummary>> ReadIndexAsync() =>
        await ReadAsync<List<ConversationSummary>>(IndexKey).ConfigureAwait(false) ?? [];

    private async Task<T?> ReadAsync<T>(string key)
        where T : class
    {
        try
        {
            var result = await storage.GetAsync<string>(key).ConfigureAwait(false);
            return result.Success && result.Value is { } json ? ConversationJson.Deserialize<T>(json) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            // Written under other keys (server reinstalled) or by an older version: unreadable, so start afresh.
            HistoryLog.UnreadableEntry(logger, key, exception);
            await storage.DeleteAsync(key).ConfigureAwait(false);
            return null;
        }
    }
}
