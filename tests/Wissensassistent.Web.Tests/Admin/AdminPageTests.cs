using Bunit;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Web.Components.Admin;

namespace Wissensassistent.Web.Tests.Admin;

public sealed class AdminPageTests : WebTestContext
{
    [Fact]
    public void ShowsFailedFilesAndFeedback()
    {
        Indexing.Update(s => s with { Errors = [new FileError("kommune/kaputt.pdf", "Datei ist beschädigt")] });
        Feedback.Entries[Guid.NewGuid()] = new FeedbackEntry(Guid.NewGuid(), FeedbackKind.CitationWrong, DateTimeOffset.UtcNow, AnswerMode.Extractive, ["c1"], "§ 35 Abs. 1 BauGB");

        var page = Render<AdminPage>();

        Assert.Contains("kommune/kaputt.pdf", page.Find(".wa-admin-errors").TextContent);
        Assert.Contains("Datei ist beschädigt", page.Find(".wa-admin-errors").TextContent);
        var row = page.Find(".wa-admin-feedback tbody tr").TextContent;
        Assert.Contains("Zitat falsch", row);
        Assert.Contains("§ 35 Abs. 1 BauGB", row);
        Assert.Contains("extraktiv", row);
    }

    [Fact]
    public void FollowsIndexingProgress()
    {
        var page = Render<AdminPage>();

        Indexing.Update(s => s with { Phase = IndexingPhase.Ingesting, FilesDone = 3, FilesTotal = 10 });

        page.WaitForAssertion(() => Assert.Equal("Dateien werden eingelesen", page.Find(".wa-admin-phase").TextContent));
    }
}
