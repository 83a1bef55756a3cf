using System.ComponentModel.DataAnnotations;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.OpenInterfaces;

/// <summary>Settings of the MCP server, the OpenAI-compatible endpoint and the REST API (section <c>OpenInterfaces</c>).</summary>
public sealed class OpenInterfacesOptions : IValidatableObject
{
    public const string SectionName = "OpenInterfaces";

    /// <summary>The model name the assistant answers to on <c>/v1/models</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._:-]{1,64}$")]
    public string ModelName { get; set; } = "wissensassistent";

    /// <summary>Requests per key (or per signed-in user) and window; beyond that 429.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Roles whose keys may use the interfaces; by default every role.</summary>
    public IList<string> Roles { get; } = [];

    /// <summary>With OpenID Connect: the audience an access token must carry; by default <c>Authentication:Oidc:ClientId</c>.</summary>
    public string? OidcAudience { get; set; }

    /// <summary>The most hits <c>search</c> returns.</summary>
    [Range(1, 100)]
    public int MaxTop { get; set; } = 50;

    /// <summary>Earlier turns of an OpenAI conversation sent along as context, as in the chat.</summary>
    [Range(0, 20)]
    public int HistoryTurns { get; set; } = 6;

    public IReadOnlyList<string> EffectiveRoles => Roles.Count == 0 ? AppRoles.All : [.. Roles];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Roles.Where(role => !AppRoles.IsKnown(role))
            .Select(role => new ValidationResult(
                $"OpenInterfaces:Roles: unbekannte Rolle „{role}“; erlaubt sind {string.Join(", ", AppRoles.All)}.",
                [nameof(Roles)]));
}
