using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// Local accounts: checking passwords (with a lockout after repeated failures), creating users, roles and password
/// resets. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, random salt)
/// and never logged.
/// </summary>
public sealed partial class AccountService(UserAccountStore store, TimeProvider timeProvider, ILogger<AccountService> logger)
{
    public const int MinPasswordLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    // No 0/O, 1/l/I: a generated password is read off a screen and typed.
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!?";
    private const int GeneratedPasswordLength = 20;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Checked against when the user does not exist, so that an unknown name costs as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "dummy-password-for-timing");

    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);

    public static ClaimsPrincipal CreatePrincipal(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    public async Task<SignInResult> CheckPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var account = string.IsNullOrWhiteSpace(userName) ? null : await store.FindAsync(userName.Trim(), cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password ?? string.Empty);
            return new SignInResult(null, null);
        }

        var now = timeProvider.GetUtcNow();
        if (account.LockedUntil is { } locked && locked > now)
        {
            return new SignInResult(null, locked);
        }

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = account.LockedUntil is null ? account.FailedAttempts + 1 : 1;
            DateTimeOffset? lockedUntil = failures >= MaxFailedAttempts ? now + LockoutDuration : null;
            await store.SetFailuresAsync(account.UserName, failures, lockedUntil, cancellationToken).ConfigureAwait(false);
            if (lockedUntil is not null)
            {
                LogLockedOut(logger, account.UserName, failures);
            }

            return new SignInResult(null, lockedUntil);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordHashAsync(account.UserName, Hasher.HashPassword(account, password!), cancellationToken).ConfigureAwait(false);
        }
        else if (account.FailedAttempts > 0 || account.LockedUntil is not null)
        {
            await store.SetFailuresAsync(account.UserName, 0, null, cancellationToken).ConfigureAwait(false);
        }

        LogSignedIn(logger, account.UserName);
        return new SignInResult(account with { FailedAttempts = 0, LockedUntil = null }, null);
    }

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

        var account = new UserAccount(name, role, Hasher.HashPassword(null!, password), timeProvider.GetUtcNow(), 0, null);
        if (!await store.TryAddAsync(account, cancellationToken).ConfigureAwait(false))
        {
            return new AccountResult($"Den Benutzer „{name}“ gibt es schon.");
        }

        LogCreated(logger, name, role);
        return AccountResult.Success;
    }

    public async Task<AccountResult> SetRoleAsync(string userName, string role, CancellationToken cancellationToken = default)
    {
        if (!AppRoles.IsKnown(role))
        {
            return new AccountResult("Unbekannte Rolle.");
        }

        var account = await store.FindAsync(userName, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return new AccountResult($"Den Benutzer „{userName}“ gibt es nicht.");
        }

        if (account.Role == AppRoles.Admin && role != AppRoles.Admin && await store.CountInRoleAsync(AppRoles.Admin, cancellationToken).ConfigureAwait(false) <= 1)
        {
            return new AccountResult("Der letzte Benutzer mit der Rolle Verwaltung kann seine Rolle nicht abgeben.");
        }

        await store.SetRoleAsync(account.UserName, role, cancellationToken).ConfigureAwait(false);
        LogRoleChanged(logger, account.UserName, role);
        return AccountResult.Success;
    }

    public async Task<AccountResult> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (CheckPassword(password) is { } problem)
        {
            return problem;
        }

        var changed = await store.SetPasswordHashAsync(userName, Hasher.HashPassword(null!, password), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            return new AccountResult($"Den Benutzer „{userName}“ gibt es nicht.");
        }

        LogPasswordReset(logger, userName);
        return AccountResult.Success;
    }

    private static AccountResult? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength
            ? new AccountResult($"Das Passwort muss mindestens {MinPasswordLength} Zeichen lang sein.")
            : password.Length > 256 ? new AccountResult("Das Passwort ist zu lang (höchstens 256 Zeichen).") : null;

    [GeneratedRegex(@"^[\p{L}\p{Nd}._@-]{2,64}$")]
    private static partial Regex ValidUserName();

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "User {UserName} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userName);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "User {UserName} locked out after {Failures} failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string userName, int failures);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "User {UserName} created with role {Role}")]
    private static partial void LogCreated(ILogger logger, string userName, string role);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Role of user {UserName} set to {Role}")]
    private static partial void LogRoleChanged(ILogger logger, string userName, string role);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "Password of user {UserName} reset")]
    private static partial void LogPasswordReset(ILogger logger, string userName);
}
