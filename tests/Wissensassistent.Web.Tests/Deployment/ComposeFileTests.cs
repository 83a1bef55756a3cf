using Wissensassistent.Ingestion;
using Wissensassistent.AI;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.Qdrant;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Testing;
using Wissensassistent.Web.Admin;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Deployment;

/// <summary>The web service in docker-compose.yml sets only settings the web app has, with values they accept.</summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        [StoreOptions.Section] = typeof(StoreOptions),
        [QdrantStoreOptions.SectionName] = typeof(QdrantStoreOptions),
        [LanguageModelOptions.SectionName] = typeof(LanguageModelOptions),
        [CorpusOptions.Section] = typeof(CorpusOptions),
        [EmbeddedStoreOptions.SectionName] = typeof(EmbeddedStoreOptions),
        [DataFolder.SectionName] = typeof(DataFolder),
        [SignInOptions.SectionName] = typeof(SignInOptions),
        [AdminOptions.SectionName] = typeof(AdminOptions),
    };

    [Fact]
    public void WebService_SetsOnlyRealSettings_WithValuesTheyAccept()
    {
        var environment = ComposeEnvironment.Of(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docker-compose.yml")), "web");

        // From the shared anchor and from the service itself: the file was read, not skipped.
        Assert.Equal("Qdrant", environment["Store__Provider"]);
        Assert.Equal("OpenIdConnect", environment["Authentication__Mode"]);
        Assert.Empty(ComposeEnvironment.Problems(environment, Sections));
    }

    [Fact]
    public void Check_FindsUnknownSectionsSettingsAndValues()
    {
        const string compose = """
            x-shared: &shared
              LanguageModels__Embeddings__Provider: ${EMBEDDINGS_PROVIDER:-Local}
            services:
              web:
                environment:
                  <<: *shared
                  FeedbackStore__DataDirectory: /data
                  Authentication__Oidc__Authorty: https://login.example.org
                  Authentication__Oidc__RoleMapping__wa-admins: Admin
                  Authentication__Oidc__Scopes__0: profile
                  Authentication__AllowAnonymousChat: ${ALLOW:-vielleicht}
                  ASPNETCORE_ENVIRONMENT: Production
            """;

        var problems = ComposeEnvironment.Problems(ComposeEnvironment.Of(compose, "web"), Sections);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("LanguageModels__Embeddings__Provider: 'Local'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FeedbackStore__DataDirectory: no options class", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Authentication__Oidc__Authorty: OidcOptions has no setting", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Authentication__AllowAnonymousChat: 'vielleicht'", StringComparison.Ordinal));
    }
}
