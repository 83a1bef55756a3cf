using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// Local accounts: checking passwords (with a lockout per client after repeated failures), creating, disabling and
/// deleting users, roles, password resets and changes. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, random salt) and never logged. Every change that must end sign-ins
/// (password, role, status) gives the account a new security stamp and raises <see cref="AccountChanged"/>. Sign-ins,
/// failed ones and own password changes go into the audit trail here, where it is known whether a name is an account;
/// what administrators do to accounts is recorded by the admin area, which knows who they are.
/// </summary>
public sealed partial class AccountService(UserAccountStore store, IAuditTrail audit, TimeProvider timeProvider, ILogger<AccountService> logger)
{
    public const int MinPasswordLength = 12;
    public const int MaxFailedAttempts = SignInLockout.MaxFailedAttempts;

    /// <summary>The claim that carries the account's security stamp in a sign-in.</summary>
    public const string SecurityStampClaim = "wa:security-stamp";

    /// <summary>The page where signed-in users change their own password.</summary>
    public const string ChangePasswordPath = "/konto/passwort";

    // No 0/O, 1/l/I: a generated password is read off a screen and typed.
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!?";
    private const int GeneratedPasswordLength = 20;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Checked against when the user does not exist or the client is locked, so that every refusal costs the same.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "dummy-password-for-timing");

    private readonly SignInLockout _lockout = new(timeProvider);

    /// <summary>Raised with the user name after a change that ends the account's sign-ins (live circuits listen).</summary>
    public event Action<string>? AccountChanged;

    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);

    public static ClaimsPrincipal CreatePrincipal(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(ClaimTypes.Role, account.Role),
                new Claim(SecurityStampClaim, account.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        ReaderGroups.Add(identity, account.Groups);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Checks a sign-in from <paramref name="client"/> (its address). Unknown user, wrong password, a disabled account
    /// and a locked client all fail alike; after <see cref="MaxFailedAttempts"/> failures this client is locked out for
    /// this name, other clients are not.
    /// </summary>
    public async Task<SignInResult> CheckPasswordAsync(string userName, string password, string client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var name = userName?.Trim() ?? string.Empty;
        if (_lockout.LockedUntil(client, name) is { } locked)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password ?? string.Empty);
            var known = name.Length == 0 ? null : await store.FindAsync(name, cancellationToken).ConfigureAwait(false);
            await RecordAsync(known?.UserName ?? AuditActors.UnknownName, AuditActions.SignInFailed, ClientObject(client), "fehlgeschlagen", cancellationToken).ConfigureAwait(false);
            return new SignInResult(null, locked);
        }

        var account = name.Length == 0 ? null : await store.FindAsync(name, cancellationToken).ConfigureAwait(false);
        var verdict = PasswordVerificationResult.Failed;
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password ?? string.Empty);
        }
        else
        {
            verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty);
        }

        if (account is null || account.IsDisabled || verdict == PasswordVerificationResult.Failed)
        {
            var lockedUntil = _lockout.RecordFailure(client, name);
            if (lockedUntil is not null && account is not null)
            {
                // Only names of real accounts are logged: a name field can hold a mistyped password.
                LogLockedOut(logger, account.UserName, client);
            }

            // Whether the name exists, the password was wrong, the account disabled or the client locked is not told
            // apart here either; a name that is no account is not kept (it may be a mistyped password).
            await RecordAsync(account?.UserName ?? AuditActors.UnknownName, AuditActions.SignInFailed, ClientObject(client), "fehlgeschlagen", cancellationToken).ConfigureAwait(false);
            return new SignInResult(null, lockedUntil);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordHashAsync(account.UserName, Hasher.HashPassword(account, password!), newStamp: false, cancellationToken).ConfigureAwait(false);
        }

        _lockout.Reset(client, name);
        LogSignedIn(logger, account.UserName);
        await RecordAsync(account.UserName, AuditActions.SignIn, ClientObject(client), "erfolgreich", cancellationToken).ConfigureAwait(false);
        return new SignInResult(account, null);
    }

    public Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) => store.FindAsync(userName, cancellationToken);

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    public async Task<AccountResult> CreateAsync(string userName, string role, string password, CancellationToken cancellationToken = default)
    {
        var name = userName?.Trim() ?? string.Empty;
        if (!ValidUserName().IsMatch(name))
        {
            return new AccountResult("Der Benutzername muss 2 bis 64 Zeichen lang sein und darf nur Buchstaben, Ziffern, Punkt, Bindestrich, Unterstrich und @ enthalten.");
        }

        if (!AppRoles.IsKnown(role))
        {
            return new AccountResult("Bitte eine Rolle wählen.");
        }

        if (CheckPassword(password) is { } problem)
        {
            return problem;
        }

        var account = new UserAccount(name, role, Hasher.HashPassword(null!, password), timeProvider.GetUtcNow(), UserAccountStore.NewSecurityStamp(), IsDisabled: false);
        if (!await store.TryAddAsync(account, cancellationToken).ConfigureAwait(false))
        {
            return new AccountResult($"Den Benutzer „{name}“ gibt es schon.");
        }

        LogCreated(logger, name, role);
        return AccountResult.Success;
    }

    /// <summary>A new role; the account's existing sign-ins end. The last active administrator keeps the role.</summary>
    public async Task<AccountResult> SetRoleAsync(string userName, string role, CancellationToken cancellationToken = default)
    {
        if (!AppRoles.IsKnown(role))
        {
            return new AccountResult("Unbekannte Rolle.");
        }

        if (await store.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return Missing(userName);
        }

        if (account.Role == role)
        {
            return AccountResult.Success;
        }

        if (await store.SetRoleAsync(account.UserName, role, cancellationToken).ConfigureAwait(false) == 0)
        {
            return new AccountResult("Der letzte aktive Benutzer mit der Rolle Verwaltung kann seine Rolle nicht abgeben.");
        }

        LogRoleChanged(logger, account.UserName, role);
        Changed(account.UserName);
        return AccountResult.Success;
    }

    /// <summary>
    /// The document groups of an account (see <see cref="ReaderGroups"/>), replacing the old ones. The account's sign-ins
    /// end like after a role change, so that a group taken away stops at once; API keys read the groups per request.
    /// </summary>
    public async Task<AccountResult> SetGroupsAsync(string userName, IEnumerable<string> groups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var names = groups.ToList();
        if (names.Any(name => name.Trim().Length > 64 || name.IndexOfAny([',', '\t', '\r', '\n']) >= 0))
        {
            return new AccountResult("Gruppennamen dürfen höchstens 64 Zeichen lang sein und kein Komma enthalten.");
        }

        var normalized = Wissensassistent.Core.Storage.DocumentAccess.NormalizeGroups(names);
        if (await store.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return Missing(userName);
        }

        if (account.Groups.SequenceEqual(normalized, StringComparer.Ordinal))
        {
            return AccountResult.Success;
        }

        await store.SetGroupsAsync(account.UserName, normalized, cancellationToken).ConfigureAwait(false);
        LogGroupsChanged(logger, account.UserName, normalized.Count);
        Changed(account.UserName);
        return AccountResult.Success;
    }

    /// <summary>A password set by an administrator (reset): the account's existing sign-ins end, lockouts are lifted.</summary>
    public async Task<AccountResult> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (CheckPassword(password) is { } problem)
        {
            return problem;
        }

        if (await store.SetPasswordHashAsync(userName, Hasher.HashPassword(null!, password), newStamp: true, cancellationToken).ConfigureAwait(false) == 0)
        {
            return Missing(userName);
        }

        _lockout.ResetAccount(userName);
        LogPasswordReset(logger, userName);
        Changed(userName);
        return AccountResult.Success;
    }

    /// <summary>
    /// A user changes their own password, proving the current one (failures count toward the client's lockout). The
    /// account's other sign-ins end; the caller signs the current one in again with the new stamp.
    /// </summary>
    public async Task<AccountResult> ChangePasswordAsync(string userName, string currentPassword, string newPassword, string client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var result = await ChangeOwnPasswordAsync(userName, currentPassword, newPassword, client, cancellationToken).ConfigureAwait(false);
        await RecordAsync(userName, AuditActions.PasswordChanged, userName, result.Succeeded ? "erfolgreich" : $"abgelehnt: {result.Error}", cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<AccountResult> ChangeOwnPasswordAsync(string userName, string currentPassword, string newPassword, string client, CancellationToken cancellationToken)
    {
        if (_lockout.LockedUntil(client, userName) is not null)
        {
            return new AccountResult("Zu viele Fehlversuche. Bitte in einigen Minuten erneut versuchen.");
        }

        if (await store.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { IsDisabled: false } account)
        {
            return new AccountResult("Dieses Konto kann sein Passwort nicht ändern.");
        }

        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword ?? string.Empty) == PasswordVerificationResult.Failed)
        {
            _lockout.RecordFailure(client, userName);
            return new AccountResult("Das bisherige Passwort ist falsch.");
        }

        if (CheckPassword(newPassword) is { } problem)
        {
            return problem;
        }

        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            return new AccountResult("Das neue Passwort muss sich vom bisherigen unterscheiden.");
        }

        await store.SetPasswordHashAsync(account.UserName, Hasher.HashPassword(account, newPassword), newStamp: true, cancellationToken).ConfigureAwait(false);
        _lockout.ResetAccount(account.UserName);
        LogPasswordChanged(logger, account.UserName);
        Changed(account.UserName);
        return AccountResult.Success;
    }

    /// <summary>Disables (signing it out everywhere) or enables an account. The last active administrator stays enabled.</summary>
    public async Task<AccountResult> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return Missing(userName);
        }

        if (await store.SetDisabledAsync(account.UserName, disabled, cancellationToken).ConfigureAwait(false) == 0)
        {
            return new AccountResult("Der letzte aktive Benutzer mit der Rolle Verwaltung kann nicht deaktiviert werden.");
        }

        LogStatusChanged(logger, account.UserName, disabled);
        Changed(account.UserName);
        return AccountResult.Success;
    }

    /// <summary>Deletes an account (its sign-ins end with it). The last active administrator cannot be deleted.</summary>
    public async Task<AccountResult> DeleteAsync(string userName, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(userName, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return Missing(userName);
        }

        if (await store.DeleteAsync(account.UserName, cancellationToken).ConfigureAwait(false) == 0)
        {
            return new AccountResult("Der letzte aktive Benutzer mit der Rolle Verwaltung kann nicht gelöscht werden.");
        }

        _lockout.ResetAccount(account.UserName);
        LogDeleted(logger, account.UserName);
        Changed(account.UserName);
        return AccountResult.Success;
    }

    private static string ClientObject(string client) => $"Anmeldung von {client}";

    private Task RecordAsync(string actor, string action, string subject, string outcome, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(timeProvider.GetUtcNow(), actor, action, subject, outcome), cancellationToken);

    private static AccountResult Missing(string userName) => new($"Den Benutzer „{userName}“ gibt es nicht.");

    private static AccountResult? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength
            ? new AccountResult($"Das Passwort muss mindestens {MinPasswordLength} Zeichen lang sein.")
            : password.Length > 256 ? new AccountResult("Das Passwort ist zu lang (höchstens 256 Zeichen).") : null;

    private void Changed(string userName) => AccountChanged?.Invoke(userName);

    [GeneratedRegex(@"^[\p{L}\p{Nd}._@-]{2,64}$")]
    private static partial Regex ValidUserName();

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "User {UserName} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userName);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Sign-in of user {UserName} from {Client} locked after repeated failures")]
    private static partial void LogLockedOut(ILogger logger, string userName, string client);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "User {UserName} created with role {Role}")]
    private static partial void LogCreated(ILogger logger, string userName, string role);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Role of user {UserName} set to {Role}")]
    private static partial void LogRoleChanged(ILogger logger, string userName, string role);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "Password of user {UserName} reset")]
    private static partial void LogPasswordReset(ILogger logger, string userName);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Information, Message = "User {UserName} changed their password")]
    private static partial void LogPasswordChanged(ILogger logger, string userName);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "User {UserName} disabled: {Disabled}")]
    private static partial void LogStatusChanged(ILogger logger, string userName, bool disabled);

    [LoggerMessage(EventId = 5308, Level = LogLevel.Information, Message = "Document groups of user {UserName} set ({Count} groups)")]
    private static partial void LogGroupsChanged(ILogger logger, string userName, int count);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Information, Message = "User {UserName} deleted")]
    private static partial void LogDeleted(ILogger logger, string userName);
}
