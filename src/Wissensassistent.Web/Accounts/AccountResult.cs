namespace Wissensassistent.Web.Accounts;

/// <summary>Outcome of an account change; <see cref="Error"/> is German and shown to the administrator.</summary>
public sealed record AccountResult(string? Error)
{
    public static readonly AccountResult Success = new((string?)null);

    public bool Succeeded => Error is null;
}
