using Microsoft.AspNetCore.Components.Authorization;
using Wissensassistent.Web.Components.History;

namespace Wissensassistent.Web.History;

/// <summary>
/// The history of whoever uses the page: a signed-in user's conversations on the server (<see cref="ConversationArchive"/>,
/// their own only), an anonymous visitor's in the browser (<see cref="BrowserConversationHistory"/>) as before.
/// </summary>
public sealed class UserConversationHistory(AuthenticationStateProvider authentication, ConversationArchive archive, BrowserConversationHistory browser)
    : IConversationHistory
{
    private const int MaxListed = 500;

    public async Task<bool> IsOnServerAsync() => await OwnerAsync().ConfigureAwait(false) is not null;

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default) =>
        await OwnerAsync().ConfigureAwait(false) is { } owner
            ? await archive.ListAsync(owner, search, MaxListed, cancellationToken).ConfigureAwait(false)
            : await browser.ListAsync(search, cancellationToken).ConfigureAwait(false);

    public async Task<StoredConversation?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await OwnerAsync().ConfigureAwait(false) is { } owner
            ? (await archive.GetAsync(owner, id, cancellationToken).ConfigureAwait(false))?.Conversation
            : await browser.GetAsync(id, cancellationToken).ConfigureAwait(false);

    /// <summary>In the browser only: on the server, <see cref="AnswerRuns"/> stores each answer as it completes.</summary>
    public async Task<bool> SaveAsync(StoredConversation conversation, CancellationToken cancellationToken = default) =>
        await OwnerAsync().ConfigureAwait(false) is not null || await browser.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await OwnerAsync().ConfigureAwait(false) is { } owner)
        {
            await archive.DeleteAsync(owner, id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await browser.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string?> OwnerAsync() =>
        ConversationOwner.Of((await authentication.GetAuthenticationStateAsync().ConfigureAwait(false)).User);
}
