using Bunit;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Components.Admin;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Admin;

public sealed class AdminPageTests : WebTestContext
{
    public AdminPageTests() => SignInAs(AppRoles.Admin, Policies.AdminArea, Policies.FeedbackReview);

    [Fact]
    public void ShowsFailedFilesOfTheLastRun_AndFeedback()
    {
        Reindex.Status = Reindex.Status with { Progress = IndexingSnapshot.Idle with { Errors = [new FileError("kommune/kaputt.pdf", "Datei ist beschädigt")] } };
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
    public void UnreachableWorker_IsReportedInGerman_AndThePageStillRenders()
    {
        Reindex.Unreachable = new HttpRequestException("Connection refused");

        var page = Render<AdminPage>();
        Assert.Contains("nicht abrufbar", page.Find(".wa-admin-message").TextContent);

        page.Find("button.wa-reindex-incremental").Click();

        Assert.Contains("nicht erreichbar", page.Find(".wa-admin-message").TextContent);
        Assert.Empty(Reindex.Starts);
    }

    [Fact]
    public void FollowsProgress_WithBarFilesCurrentFileAndEmbeddings()
    {
        var page = Render<AdminPage>();
        Assert.NotNull(page.Find(".wa-admin-idle"));

        var running = FakeReindexControl.Run("r1", ReindexMode.Full, ReindexOutcome.Running);
        Reindex.Publish(new ReindexStatus(running, IndexingSnapshot.Idle with
        {
            Phase = IndexingPhase.Ingesting, FilesDone = 3, FilesTotal = 12, CurrentFile = "bund/ifg.md",
        }, null, new EmbeddingSnapshot(EmbeddingState.Paused, "minilm-l6-v2", 40, 80)));

        page.WaitForAssertion(() => Assert.Equal("Dateien werden eingelesen", page.Find(".wa-admin-phase").TextContent));
        Assert.Contains("3 / 12 Dateien", page.Find(".wa-admin-files").TextContent);
        Assert.Contains("bund/ifg.md", page.Find(".wa-admin-files").TextContent);
        Assert.Contains("pausiert", page.Find(".wa-admin-embeddings").TextContent);
        Assert.Contains("40 / 80", page.Find(".wa-admin-embeddings").TextContent);
        Assert.Equal("25", page.Find(".wa-admin-progress").GetAttribute("aria-valuenow"));
        Assert.Contains("vollständig", page.Find(".wa-admin-active").TextContent);
        Assert.True(page.Find("button.wa-reindex-incremental").HasAttribute("disabled"));
        Assert.False(page.Find("button.wa-reindex-cancel").HasAttribute("disabled"));
    }

    [Fact]
    public void LastRun_ListsItsParserWarnings()
    {
        Reindex.Status = Reindex.Status with
        {
            LastFinished = FakeReindexControl.Run("r1", ReindexMode.Incremental) with { Warnings = [new FileError("bund/ao_1977.md", "§ 1 kommt zweimal vor.")] },
        };

        var page = Render<AdminPage>();

        Assert.Contains("1 Hinweis zum letzten Lauf", page.Find(".wa-admin-warnings").TextContent);
    }

    [Fact]
    public void History_ShowsModeTriggerOutcomeNormChangesAndErrors()
    {
        Reindex.History.Add(FakeReindexControl.Run("full-1", ReindexMode.Full) with
        {
            Trigger = ReindexTrigger.Upload,
            NormChanges = new NormChanges(["§ 1 VIG"], ["§ 1 IFG", "§ 2 IFG"], []),
            Errors = [new FileError("a.pdf", "kaputt")],
        });
        Reindex.History.Add(FakeReindexControl.Run("inc-1", outcome: ReindexOutcome.Cancelled));

        var page = Render<AdminPage>();

        var rows = page.FindAll(".wa-admin-history tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("vollständig", rows[0].TextContent);
        Assert.Contains("Hochladen", rows[0].TextContent);
        Assert.Contains("erfolgreich", rows[0].TextContent);
        Assert.Contains("+1 / ~2 / −0", rows[0].TextContent);
        Assert.Contains("inkrementell", rows[1].TextContent);
        Assert.Contains("abgebrochen", rows[1].TextContent);
        Assert.Contains("vollständigen Neuindizierung", page.Find(".wa-admin-generation").TextContent);
    }

    [Fact]
    public void StartIncremental_AsAdmin_StartsOneRun_AndASecondClickIsRefusedWhileItRuns()
    {
        var page = Render<AdminPage>();

        page.Find("button.wa-reindex-incremental").Click();

        Assert.Equal([(ReindexMode.Incremental, ReindexTrigger.Admin)], Reindex.Starts);
        page.WaitForAssertion(() => Assert.Contains("gestartet", page.Find(".wa-admin-message").TextContent));
        Assert.True(page.Find("button.wa-reindex-incremental").HasAttribute("disabled"));

        page.Find("button.wa-reindex-cancel").Click();
        Assert.Equal(1, Reindex.Cancels);
    }

    [Fact]
    public void Actions_WithoutTheAdminRole_AreRefusedOnTheServer()
    {
        SignInAs(AppRoles.Staff);
        var page = Render<AdminPage>();

        page.Find("button.wa-reindex-full").Click();

        Assert.Empty(Reindex.Starts);
        page.WaitForAssertion(() => Assert.Contains("Rolle Verwaltung", page.Find(".wa-admin-message").TextContent));
    }

    [Fact]
    public void Upload_OfAValidMarkdownFile_LandsInTheUploadsFolder_NotTheCorpus_AndStartsAnIncrementalRun()
    {
        var page = Render<AdminPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("# Satzung\n\n§ 1 Geltung\n\nText.", "satzung.md"));

        page.WaitForAssertion(() => Assert.Contains("hochgeladen/satzung.md", page.Find(".wa-upload-result").TextContent));
        Assert.True(File.Exists(Folder.Combine("data", "uploads", "satzung.md")));
        Assert.Empty(Directory.EnumerateFiles(Folder.Combine("corpus"), "*", SearchOption.AllDirectories));
        Assert.Equal([(ReindexMode.Incremental, ReindexTrigger.Upload)], Reindex.Starts);
    }

    [Fact]
    public void Upload_OfAnExecutable_IsRejectedInGerman_AndStartsNothing()
    {
        var page = Render<AdminPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("MZ", "werkzeug.exe"));

        page.WaitForAssertion(() => Assert.Contains("nicht angenommen", page.Find(".wa-upload-result").TextContent));
        Assert.Empty(Directory.EnumerateFiles(Folder.Combine("corpus")));
        Assert.Empty(Reindex.Starts);
    }

    [Fact]
    public void Users_AdminCreatesAStaffUser_WhoThenAppearsInTheList()
    {
        var page = Render<AdminPage>();

        page.Find(".wa-new-user-name input").Change("m.mustermann");
        page.Find(".wa-new-user-password input").Change("ein-langes-Passwort-42");
        page.Find("button.wa-new-user-create").Click();

        page.WaitForAssertion(() => Assert.Contains("angelegt", page.Find(".wa-user-message").TextContent));
        Assert.Contains("m.mustermann", page.FindAll(".wa-user-name").Select(cell => cell.TextContent));
    }
}
