using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wissensassistent.Web.OpenInterfaces.Rest;

/// <summary>Title, description and the bearer credential (API key or OIDC access token) of the OpenAPI document.</summary>
public sealed class OpenApiDescription : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Wissensassistent",
            Version = "v1",
            Description = "Suche, Normen und geprüfte Antworten über Bundes-, Landes- und Ortsrecht. Jede Anfrage braucht "
                + "einen API-Schlüssel aus /admin („Authorization: Bearer wa_…“) oder, mit OpenID Connect, ein Zugriffstoken. "
                + "Search, norms and verified answers over German federal, state and municipal law.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "API-Schlüssel (wa_…) oder OIDC-Zugriffstoken / API key or OIDC access token",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
