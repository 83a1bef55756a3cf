namespace Wissensassistent.Web.Accounts;

/// <summary>A local account. <see cref="PasswordHash"/> is a PBKDF2 hash from ASP.NET Core Identity's password hasher.</summary>
/// <param name="SecurityStamp">Random, replaced whenever the password, the role or the status changes; every sign-in
/// carries it, and a sign-in with another stamp is over.</param>
/// <param name="IsDisabled">Set by an administrator: the account cannot sign in, its sessions have ended.</param>
public sealed record UserAccount(
    string UserName,
    string Role,
    string PasswordHash,
    DateTimeOffset CreatedAt,
    string SecurityStamp,
    bool IsDisabled)
{
    /// <summary>The document groups the account reads besides public documents (normalized; see <c>ReaderGroups</c>).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}
