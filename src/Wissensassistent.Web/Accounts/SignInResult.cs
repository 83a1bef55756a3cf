namespace Wissensassistent.Web.Accounts;

/// <summary>Outcome of checking a user name and password.</summary>
/// <param name="Account">The account when the password was right.</param>
/// <param name="LockedUntil">Set when this client is locked out for this name after too many failures.</param>
public sealed record SignInResult(UserAccount? Account, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Account is not null;
}
