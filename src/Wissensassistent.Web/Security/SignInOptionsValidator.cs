using Microsoft.Extensions.Options;

namespace Wissensassistent.Web.Security;

/// <summary>Refuses to start with an incomplete identity provider or a role mapping onto unknown roles (German reasons).</summary>
public sealed class SignInOptionsValidator : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(30))
        {
            failures.Add("Authentication:SessionLifetime muss zwischen 5 Minuten und 30 Tagen liegen.");
        }

        if (options.SignInAttemptsPerMinute is < 1 or > 10_000)
        {
            failures.Add("Authentication:SignInAttemptsPerMinute muss zwischen 1 und 10000 liegen.");
        }

        if (options.Mode == AuthenticationMode.OpenIdConnect)
        {
            var oidc = options.Oidc;
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority))
            {
                failures.Add("Für die Anmeldung über OpenID Connect fehlt Authentication:Oidc:Authority (absolute Adresse des Identitätsanbieters).");
            }
            else if (oidc.RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Authentication:Oidc:Authority muss eine https-Adresse sein.");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("Für die Anmeldung über OpenID Connect fehlt Authentication:Oidc:ClientId.");
            }

            if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
            {
                failures.Add("Authentication:Oidc:RoleClaim darf nicht leer sein.");
            }

            foreach (var (value, role) in oidc.RoleMapping)
            {
                if (!AppRoles.IsKnown(role))
                {
                    failures.Add($"Authentication:Oidc:RoleMapping ordnet „{value}“ der unbekannten Rolle „{role}“ zu; erlaubt sind {string.Join(", ", AppRoles.All)}.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
