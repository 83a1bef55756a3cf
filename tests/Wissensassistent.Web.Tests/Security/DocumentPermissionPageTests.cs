using System.Security.Claims;
using Bunit;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Components.Chat;
using Wissensassistent.Web.Components.Norms;
using Wissensassistent.Web.Components.Sources;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Security;

/// <summary>
/// The pages that read the store themselves: norm view, law list, source panel and the chat's request. A restricted
/// passage (a supplement of § 35 BauGB and a whole instruction, group personalamt) shows only to a member, never to an
/// anonymous reader or a signed-in one of another group.
/// </summary>
public sealed class DocumentPermissionPageTests : WebTestContext
{
    private const string RestrictedLaw = "DA Rufbereitschaft";

    private static readonly Core.Chunks.Chunk Supplement = SampleData.Chunk("35", "9", "(9) Vertraulicher Zusatz des Personalamts zu Vorhaben im Außenbereich.", 4) with
    {
        DocumentId = "intern/personalamt/zusatz.md",
        AccessGroups = ["personalamt"],
    };

    private static readonly Core.Chunks.Chunk Instruction = SampleData.Chunk("1", null, "Die Rufbereitschaft wird mit zwölf Prozent des Stundenentgelts vergütet.", 0, law: RestrictedLaw, title: "Vergütung") with
    {
        DocumentId = "intern/personalamt/da.md",
        AccessGroups = ["personalamt"],
    };

    public DocumentPermissionPageTests()
    {
        Store.Chunks.AddRange([Supplement, Instruction]);
        Store.Laws.Add(new LawInfo(RestrictedLaw, "Dienstanweisung Rufbereitschaft", [], Level.Intern, DocumentType.Dienstanweisung, null, 1) { AccessGroups = ["personalamt"] });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kaemmerei")]
    public void NormView_RestrictedNorm_IsUnknown_AndItsLawNotListed(string? group)
    {
        SignIn(group);

        var norm = Render<NormPage>(p => p.Add(x => x.Law, RestrictedLaw).Add(x => x.Section, "1"));
        var laws = Render<NormPage>();
        var supplemented = Render<NormPage>(p => p.Add(x => x.Law, "BauGB").Add(x => x.Section, "35"));

        Assert.DoesNotContain("Stundenentgelts", norm.Markup, StringComparison.Ordinal);
        Assert.Empty(norm.FindAll(".wa-norm-part"));
        Assert.DoesNotContain(RestrictedLaw, laws.Markup, StringComparison.Ordinal);
        Assert.Equal(2, supplemented.FindAll(".wa-norm .wa-norm-part").Count);
        Assert.DoesNotContain("Vertraulicher Zusatz", supplemented.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void NormView_ForAMember_ShowsTheRestrictedNormAndLaw()
    {
        SignIn("personalamt");

        var norm = Render<NormPage>(p => p.Add(x => x.Law, RestrictedLaw).Add(x => x.Section, "1"));
        var laws = Render<NormPage>();
        var supplemented = Render<NormPage>(p => p.Add(x => x.Law, "BauGB").Add(x => x.Section, "35"));

        norm.WaitForAssertion(() => Assert.Contains("Stundenentgelts", norm.Markup, StringComparison.Ordinal));
        Assert.Contains(RestrictedLaw, laws.Markup, StringComparison.Ordinal);
        Assert.Equal(3, supplemented.FindAll(".wa-norm .wa-norm-part").Count);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("kaemmerei", false)]
    [InlineData("personalamt", true)]
    public void SourcePanel_ShowsTheNormsRestrictedAbsatzOnlyToAMember(string? group, bool sees)
    {
        SignIn(group);

        var panel = Render<SourcePanel>(p => p.Add(x => x.Citation, SampleData.Cited()).Add(x => x.Open, true));

        panel.WaitForAssertion(() => Assert.Equal(sees ? 3 : 2, panel.FindAll(".wa-norm .wa-norm-part").Count));
        Assert.Equal(sees, panel.Markup.Contains("Vertraulicher Zusatz", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("personalamt", "personalamt")]
    public void Chat_AsksAsTheSignedInReader(string? group, string expected)
    {
        SignIn(group);
        Answers.Answer(ScriptedAnswerService.Step.Of(new FinalUpdate(SampleData.Answer("Frage", "Text [1].", SampleData.Cited()))));
        RenderPopoverProvider();
        var chat = Render<ChatPage>();

        chat.Find("textarea").Input("Wie wird die Rufbereitschaft vergütet?");
        chat.Find("button.wa-send").Click();

        chat.WaitForAssertion(() => Assert.Single(Answers.Requests));
        Assert.Equal(expected, Answers.Requests[0].Filter!.Access.Key);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("personalamt", 2)]
    public void FeedbackList_HidesFeedbackOnPassagesTheReviewerMayNotRead(string? group, int shown)
    {
        SignIn(group, AppRoles.Admin);
        Feedback.Entries[Guid.NewGuid()] = new Core.Feedback.FeedbackEntry(Guid.NewGuid(), Core.Feedback.FeedbackKind.CitationWrong, DateTimeOffset.UtcNow, AnswerMode.Extractive, [Supplement.Id], "§ 35 Abs. 9 BauGB");
        Feedback.Entries[Guid.NewGuid()] = new Core.Feedback.FeedbackEntry(Guid.NewGuid(), Core.Feedback.FeedbackKind.CitationWrong, DateTimeOffset.UtcNow, AnswerMode.Extractive, [SampleData.Paragraph35Absatz1.Id], "§ 35 Abs. 1 BauGB");

        var list = Render<Components.Admin.FeedbackList>();

        list.WaitForAssertion(() => Assert.Equal(shown, list.FindAll(".wa-admin-feedback tbody tr").Count));
        Assert.Equal(shown == 2, list.Markup.Contains("§ 35 Abs. 9 BauGB", StringComparison.Ordinal));
    }

    private void SignIn(string? group, string role = AppRoles.Staff)
    {
        if (group is null && role == AppRoles.Staff)
        {
            return;
        }

        Authorization.SetAuthorized("reader");
        Authorization.SetRoles(role);
        if (group is not null)
        {
            Authorization.SetClaims(new Claim(ReaderGroups.ClaimType, group));
        }
    }
}
