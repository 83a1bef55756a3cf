using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Web.Components.Norms;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Norms;

/// <summary>The store is down: the norm pages say so in German instead of failing the circuit.</summary>
public sealed class NormPageOutageTests : WebTestContext
{
    public NormPageOutageTests() => Services.AddSingleton(UnreachableKnowledgeStore.Create());

    [Theory]
    [InlineData(null, null)]
    [InlineData("BauGB", null)]
    [InlineData("BauGB", "35")]
    public void StoreUnreachable_ShowsTheOutageInGerman_WithoutTheServersAddress_AndKeepsTheSearchBox(string? law, string? section)
    {
        var page = Render<NormPage>(p => p.Add(x => x.Law, law).Add(x => x.Section, section));

        var alert = page.Find(".wa-store-outage").TextContent;
        Assert.Contains("Der Wissensspeicher ist derzeit nicht erreichbar", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Qdrant:Url", alert, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".wa-norm-unknown"));
        Assert.NotNull(page.Find("#wa-norm-query"));
    }
}
