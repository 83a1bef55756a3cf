using System.Security.Claims;

namespace Wissensassistent.Web.Security;

/// <summary>Turns the provider's role or group claim values into our roles, as role claims of the signed-in identity.</summary>
public static class OidcRoleMapper
{
    /// <summary>Adds a role claim for each mapped value; values that map to nothing grant nothing. Returns the roles added.</summary>
    public static IReadOnlyList<string> AddRoles(ClaimsIdentity identity, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        var roles = identity.FindAll(options.RoleClaim)
            .SelectMany(claim => SplitValues(claim.Value))
            .Select(value => options.RoleMapping.TryGetValue(value, out var mapped) ? mapped : value)
            .Where(AppRoles.IsKnown)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var role in roles.Where(role => !identity.HasClaim(identity.RoleClaimType, role)))
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }

        return roles;
    }

    /// <summary>
    /// Adds a document group claim (<see cref="ReaderGroups"/>) for each value of <see cref="OidcOptions.GroupClaim"/>,
    /// through <see cref="OidcOptions.GroupMapping"/> when it has entries. Returns the groups added.
    /// </summary>
    public static IReadOnlyList<string> AddGroups(ClaimsIdentity identity, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        var values = identity.FindAll(options.GroupClaim).SelectMany(claim => SplitValues(claim.Value));
        var groups = options.GroupMapping.Count == 0
            ? values.Select(value => value.TrimStart('/'))
            : values.Select(value => options.GroupMapping.TryGetValue(value, out var mapped) ? mapped : null).OfType<string>();
        var normalized = Wissensassistent.Core.Storage.DocumentAccess.NormalizeGroups(groups);
        ReaderGroups.Add(identity, normalized);
        return normalized;
    }

    /// <summary>Some providers put a JSON array into one claim; most send one claim per value.</summary>
    private static IEnumerable<string> SplitValues(string value) =>
        value.StartsWith('[')
            ? value.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.Trim('"'))
            : [value];
}
