using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.OpenInterfaces.ApiKeys;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Accounts;

/// <summary>Document groups of accounts: kept in users.db, carried by sign-ins and API keys, read from OIDC claims.</summary>
public sealed class AccountGroupsTests : IDisposable
{
    private readonly LocalAccounts _local = new("wissen-groups");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _local.Dispose();

    [Fact]
    public async Task SetGroups_AreKeptFolded_EndTheSignIns_AndTravelWithTheNextSignIn()
    {
        await _local.Accounts.CreateAsync("anna", AppRoles.Staff, "geheimes-Passwort-123", Ct);
        var before = (await _local.Accounts.FindAsync("anna", Ct))!;
        var changed = new List<string>();
        _local.Accounts.AccountChanged += changed.Add;

        var result = await _local.Accounts.SetGroupsAsync("anna", ["Personalamt", " hauptamt ", "personalamt"], Ct);
        var after = (await _local.Accounts.FindAsync("anna", Ct))!;

        Assert.True(result.Succeeded);
        Assert.Equal(["hauptamt", "personalamt"], after.Groups);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(["anna"], changed);
        Assert.Equal(["hauptamt", "personalamt"], ReaderGroups.AccessOf(AccountService.CreatePrincipal(after)).Groups);
        Assert.Empty(ReaderGroups.AccessOf(AccountService.CreatePrincipal(before)).Groups);
    }

    [Fact]
    public async Task SetGroups_WithACommaInAName_IsRefusedInGerman()
    {
        await _local.Accounts.CreateAsync("anna", AppRoles.Staff, "geheimes-Passwort-123", Ct);

        var result = await _local.Accounts.SetGroupsAsync("anna", ["a,b"], Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("kein Komma", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_ReadsWithTheAccountsCurrentGroups()
    {
        using var keyStore = new ApiKeyStore(Options.Create(new DataFolder { Directory = _local.Folder.Path }));
        var keys = new ApiKeyService(keyStore, _local.Store, TimeProvider.System, NullLogger<ApiKeyService>.Instance);
        await _local.Accounts.CreateAsync("ben", AppRoles.Staff, "geheimes-Passwort-123", Ct);
        var (issued, _) = await keys.IssueAsync("Fachverfahren", "ben", Ct);

        var withoutGroups = await keys.AuthenticateAsync(issued!.Secret, "ApiKey", Ct);
        await _local.Accounts.SetGroupsAsync("ben", ["kaemmerei"], Ct);
        var withGroups = await keys.AuthenticateAsync(issued.Secret, "ApiKey", Ct);

        Assert.Equal(DocumentAccess.Public, ReaderGroups.AccessOf(withoutGroups));
        Assert.Equal(["kaemmerei"], ReaderGroups.AccessOf(withGroups).Groups);
    }

    [Fact]
    public void Anonymous_ReadsPublicDocumentsOnly_EvenWithAGroupClaim()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ReaderGroups.ClaimType, "personalamt")]));

        Assert.Equal(DocumentAccess.Public, ReaderGroups.AccessOf(anonymous));
        Assert.Equal(DocumentAccess.Public, ReaderGroups.AccessOf(null));
    }

    [Fact]
    public void Oidc_GroupClaim_WithoutMapping_TakesEveryGroup_KeycloakPathsTrimmed()
    {
        var identity = new ClaimsIdentity([new Claim("groups", "/Personalamt"), new Claim("groups", "[\"Kaemmerei\"]")], "oidc");

        var groups = OidcRoleMapper.AddGroups(identity, new OidcOptions());

        Assert.Equal(["kaemmerei", "personalamt"], groups);
        Assert.Equal(["kaemmerei", "personalamt"], ReaderGroups.AccessOf(new ClaimsPrincipal(identity)).Groups);
    }

    [Fact]
    public void Oidc_GroupMapping_AdmitsOnlyMappedValues()
    {
        var identity = new ClaimsIdentity([new Claim("grp", "7c1e-personal"), new Claim("grp", "alle-mitarbeitenden")], "oidc");
        var options = new OidcOptions { GroupClaim = "grp", GroupMapping = new(StringComparer.OrdinalIgnoreCase) { ["7c1e-personal"] = "personalamt" } };

        Assert.Equal(["personalamt"], OidcRoleMapper.AddGroups(identity, options));
    }
}
