namespace Wissensassistent.Web.Accounts;

/// <summary>A local account. <see cref="PasswordHash"/> is a PBKDF2 hash from ASP.NET Core Identity's password hasher.</summary>
public sealed record UserAccount(
    string UserName,
    string Role,
    string PasswordHash,
    DateTimeOffset CreatedAt,
    int FailedAttempts,
    DateTimeOffset? LockedUntil);
