using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// Re-checks the signed-in account of a live circuit: at once when <see cref="AccountService"/> reports a change of that
/// account (once <see cref="WatchAccountChanges"/> runs, when the circuit opens), and every minute. A reset password, a
/// changed role, a disabled or deleted account ends the circuit's sign-in, so that the next action of an open admin page
/// is refused. A static request is checked by its cookie (<see cref="LocalAccountValidation"/>) and does not watch:
/// the password page changes its own account and renews its cookie itself.
/// </summary>
public sealed partial class LocalAccountRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private readonly UserAccountStore _store;
    private readonly AccountService _accounts;
    private readonly ILogger<LocalAccountRevalidation> _logger;
    private int _watching;

    public LocalAccountRevalidation(ILoggerFactory loggers, UserAccountStore store, AccountService accounts)
        : base(loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(accounts);
        _store = store;
        _accounts = accounts;
        _logger = loggers.CreateLogger<LocalAccountRevalidation>();
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    /// <summary>From now on a change of the signed-in account ends this sign-in at once.</summary>
    public void WatchAccountChanges()
    {
        if (Interlocked.Exchange(ref _watching, 1) == 0)
        {
            _accounts.AccountChanged += OnAccountChanged;
        }
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var principal = authenticationState.User;
        return principal.Identity?.IsAuthenticated != true
            || await LocalAccountValidation.IsCurrentAsync(_store, principal, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _accounts.AccountChanged -= OnAccountChanged;
        }

        base.Dispose(disposing);
    }

    private void OnAccountChanged(string userName) => _ = RevalidateNowAsync(userName);

    private async Task RevalidateNowAsync(string userName)
    {
        try
        {
            var state = await GetAuthenticationStateAsync().ConfigureAwait(false);
            if (!string.Equals(state.User.Identity?.Name, userName, StringComparison.OrdinalIgnoreCase)
                || await ValidateAuthenticationStateAsync(state, CancellationToken.None).ConfigureAwait(false))
            {
                return;
            }

            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            LogSignedOut(_logger, userName);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The periodic check still ends the sign-in; an event handler must not take the process down.
            LogRevalidationFailed(_logger, exception);
        }
    }

    [LoggerMessage(EventId = 5335, Level = LogLevel.Information, Message = "Live sign-in of user {UserName} ended after a change of the account")]
    private static partial void LogSignedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 5336, Level = LogLevel.Warning, Message = "A live sign-in could not be checked after a change of its account")]
    private static partial void LogRevalidationFailed(ILogger logger, Exception exception);
}
