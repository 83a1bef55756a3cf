using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Components.Admin;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>The store is down: the admin page says so in German and stays usable (history, buttons, users).</summary>
public sealed class AdminPageOutageTests : WebTestContext
{
    private readonly IKnowledgeStore _down = UnreachableKnowledgeStore.Create();

    public AdminPageOutageTests()
    {
        SignInAs(AppRoles.Admin, Policies.AdminArea, Policies.FeedbackReview);
        Services.AddSingleton(_down);
    }

    [Fact]
    public void StoreUnreachable_ShowsTheOutageInGerman_AndThePageStillRenders()
    {
        Reindex.History.Add(FakeReindexControl.Run("inc-1"));

        var page = Render<AdminPage>();

        var message = page.Find(".wa-admin-message").TextContent;
        Assert.Contains("Der Wissensspeicher ist derzeit nicht erreichbar", message, StringComparison.Ordinal);
        Assert.Contains(UnreachableKnowledgeStore.Message, message, StringComparison.Ordinal);
        Assert.NotNull(page.Find("button.wa-reindex-incremental"));
        Assert.Empty(page.FindAll(".wa-admin-statistics"));
    }

    [Fact]
    public void StoreUnreachable_StartingAReindex_StartsIt_AndReportsTheOutage()
    {
        var page = Render<AdminPage>();

        page.Find("button.wa-reindex-incremental").Click();

        Assert.Equal([ReindexMode.Incremental], Reindex.Starts.Select(s => s.Mode));
        var message = page.Find(".wa-admin-message").TextContent;
        Assert.Contains("wurde gestartet", message, StringComparison.Ordinal);
        Assert.Contains("Der Wissensspeicher ist derzeit nicht erreichbar", message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreBackAgain_TheNextStatusChangeClearsTheOutage_AndShowsTheCounts()
    {
        var page = Render<AdminPage>();
        Assert.NotNull(page.Find(".wa-admin-message"));

        UnreachableKnowledgeStore.ControlOf(_down).Recovered = Store;
        Reindex.Publish(Reindex.Status);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".wa-admin-message")));
        Assert.NotNull(page.Find(".wa-admin-statistics"));
    }
}
