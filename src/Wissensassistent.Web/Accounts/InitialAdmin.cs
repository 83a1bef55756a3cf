using Wissensassistent.Core.Audit;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// On first start, when no account has the role Verwaltung, creates <c>admin</c> with a random password and writes the
/// password once to the console – never to the log, so it lands in no log file or telemetry.
/// </summary>
public sealed partial class InitialAdmin(AccountService accounts, UserAccountStore store, IAuditTrail audit, ILogger<InitialAdmin> logger)
{
    public const string UserName = "admin";

    /// <summary>Creates the account if needed and writes its password to <paramref name="console"/>; true when it did.</summary>
    public async Task<bool> EnsureAsync(TextWriter console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (await store.CountActiveInRoleAsync(Security.AppRoles.Admin, cancellationToken).ConfigureAwait(false) > 0)
        {
            return false;
        }

        var password = AccountService.GeneratePassword();
        var created = await accounts.CreateAsync(UserName, Security.AppRoles.Admin, password, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            // "admin" exists with another role: an administrator demoted it on purpose; do not override that.
            LogNotCreated(logger, created.Error ?? string.Empty);
            return false;
        }

        await audit.RecordAsync(AuditActors.System, AuditActions.AccountCreated, $"{UserName} (Rolle {Security.AppRoles.DisplayName(Security.AppRoles.Admin)})", "erfolgreich", cancellationToken).ConfigureAwait(false);
        await console.WriteLineAsync($"""

            ==== Wissensassistent: erste Anmeldung ====
            Benutzer: {UserName}
            Passwort: {password}
            Das Passwort wird nur dieses eine Mal angezeigt. Bitte nach der Anmeldung unter {AccountService.ChangePasswordPath} ändern.
            ===========================================

            """.AsMemory(), cancellationToken).ConfigureAwait(false);
        await console.FlushAsync(cancellationToken).ConfigureAwait(false);
        LogCreated(logger, UserName, store.DatabasePath);
        return true;
    }

    [LoggerMessage(EventId = 5310, Level = LogLevel.Warning, Message = "Initial administrator {UserName} created in {Path}; the password was written to the console once")]
    private static partial void LogCreated(ILogger logger, string userName, string path);

    [LoggerMessage(EventId = 5311, Level = LogLevel.Warning, Message = "No administrator exists and none could be created: {Reason}")]
    private static partial void LogNotCreated(ILogger logger, string reason);
}
