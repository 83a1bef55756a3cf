using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.OpenInterfaces.ApiKeys;

/// <summary>
/// Issues, lists, revokes and checks API keys. A key is <c>wa_</c> and 32 random bytes (Base64url); only its SHA-256
/// hash is stored, so a stolen <c>api-keys.db</c> yields no usable key. Each key acts as a local account and takes that
/// account's current role on every request: a removed account or a revoked key stops working at once.
/// </summary>
public sealed partial class ApiKeyService(ApiKeyStore store, UserAccountStore accounts, TimeProvider timeProvider, ILogger<ApiKeyService> logger)
{
    public const string KeyPrefix = "wa_";
    public const string KeyIdClaim = "wa:api_key_id";
    private const int SecretBytes = 32;
    private const int MaxLabelLength = 100;

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>A new key for <paramref name="userName"/>; the secret is in the result only.</summary>
    public async Task<(IssuedApiKey? Issued, string? Error)> IssueAsync(string label, string userName, CancellationToken cancellationToken = default)
    {
        label = label?.Trim() ?? string.Empty;
        if (label.Length is 0 or > MaxLabelLength)
        {
            return (null, $"Bitte eine Bezeichnung mit 1 bis {MaxLabelLength} Zeichen angeben.");
        }

        if (string.IsNullOrWhiteSpace(userName) || await accounts.FindAsync(userName.Trim(), cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return (null, "Ein Schlüssel braucht ein bestehendes Benutzerkonto.");
        }

        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var key = new ApiKey(
            Base64Url(RandomNumberGenerator.GetBytes(9)),
            label,
            account.UserName,
            secret[..(KeyPrefix.Length + 6)],
            timeProvider.GetUtcNow(),
            null);
        await store.AddAsync(key, Hash(secret), cancellationToken).ConfigureAwait(false);
        KeyIssued(logger, key.Id, key.UserName);
        return (new IssuedApiKey(key, secret), null);
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        var revoked = await store.RevokeAsync(id, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (revoked)
        {
            KeyRevoked(logger, id);
        }

        return revoked;
    }

    /// <summary>The principal a presented key acts as, or null when the key is unknown or revoked, or its account is gone or disabled.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string presented, string scheme, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        if (await store.FindByHashAsync(Hash(presented), cancellationToken).ConfigureAwait(false) is not { IsRevoked: false } key
            || await accounts.FindAsync(key.UserName, cancellationToken).ConfigureAwait(false) is not { IsDisabled: false } account
            || !AppRoles.IsKnown(account.Role))
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role), new Claim(KeyIdClaim, key.Id)],
            scheme);

        // The account's groups as they are now: a key reads what its account may read, no more.
        ReaderGroups.Add(identity, account.Groups);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>SHA-256 of the key, lower-case hex: enough for 256 random bits, no salt needed.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "API key {KeyId} issued for {UserName}")]
    private static partial void KeyIssued(ILogger logger, string keyId, string userName);

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "API key {KeyId} revoked")]
    private static partial void KeyRevoked(ILogger logger, string keyId);
}
