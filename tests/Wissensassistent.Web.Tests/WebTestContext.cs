using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Wissensassistent.Ingestion;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Audit;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.Web.OpenInterfaces.ApiKeys;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Admin;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.History;
using Wissensassistent.Web.Security;
using Wissensassistent.Web.Components.History;
using Wissensassistent.Web.Interop;
using Wissensassistent.Web.Rendering;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests;

/// <summary>The one bunit setup: MudBlazor, loose JS interop, and hand-written fakes for every port the UI uses.</summary>
public abstract class WebTestContext : BunitContext
{
    private KnowledgeReadiness? _readiness;

    protected WebTestContext()
    {
        // bunit waits 1 s by default; CI runs every test project at once on 2 cores, where a render can take longer.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<IAnswerService>(Answers);
        Services.AddSingleton<IKnowledgeStore>(Store);
        Services.AddSingleton<IFeedbackStore>(Feedback);
        Services.AddSingleton<IConversationHistory>(History);
        Services.AddSingleton(Indexing);
        Services.AddSingleton(Embeddings);
        Services.AddSingleton(Readiness);
        Services.AddSingleton<LawDirectory>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Options.Create(new WebUiOptions { MaxQuestionLength = 500 }));
        Services.AddSingleton<AnswerMarkdownRenderer>();
        Services.AddScoped<BrowserInterop>();
        Services.AddScoped<CurrentReader>();
        Services.AddSingleton<IReindexControl>(Reindex);
        Services.AddSingleton(Options.Create(new SignInOptions()));
        Services.AddSingleton(Options.Create(new AdminOptions { MaxUploadMegabytes = 1 }));
        Services.AddSingleton(Options.Create(new CorpusOptions { Path = Folder.Combine("corpus") }));
        Services.AddSingleton(Options.Create(new DataFolder { Directory = Folder.Combine("data") }));
        Services.AddSingleton<CorpusRoots>();
        Services.AddSingleton<CorpusDocumentParserFactory>();
        Services.AddSingleton<CorpusUploads>();
        Services.AddSingleton<UserAccountStore>();
        Services.AddSingleton<AccountService>();
        Services.AddSingleton<ApiKeyStore>();
        Services.AddSingleton<ApiKeyService>();
        Services.AddSingleton(Options.Create(new AuditOptions()));
        Services.AddSingleton(Options.Create(new HistoryOptions()));
        Services.AddSingleton<SqliteAuditTrail>();
        Services.AddSingleton<IAuditTrail>(provider => provider.GetRequiredService<SqliteAuditTrail>());
        Services.AddSingleton<ConversationArchive>();
        Services.AddSingleton<QuestionAudit>();
        Services.AddSingleton<AnswerRuns>();
        Directory.CreateDirectory(Folder.Combine("corpus", "bund"));
        Authorization = AddAuthorization();

        Store.Chunks.AddRange(SampleData.BauGB);
        Store.Laws.Add(SampleData.BauGBInfo);
        Indexing.Update(_ => IndexingSnapshot.Idle with { Phase = IndexingPhase.Completed, Chunks = 4, FilesDone = 1, FilesTotal = 1 });
        RefreshReadiness();
    }

    /// <summary>Reads <see cref="Store"/> into <see cref="Readiness"/>, as the app does after a run.</summary>
    protected void RefreshReadiness() => Readiness.RefreshAsync().GetAwaiter().GetResult();

    protected ScriptedAnswerService Answers { get; } = new();

    protected FakeReindexControl Reindex { get; } = new();

    /// <summary>Corpus (<c>corpus/</c>) and data folder (<c>data/</c>) of the admin components.</summary>
    protected TemporaryFolder Folder { get; } = new("wissen-web");

    /// <summary>Anonymous until a test signs someone in: <c>Authorization.SetAuthorized("name"); SetRoles(...); SetPolicies(...)</c>.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected void SignInAs(string role, params string[] policies)
    {
        Authorization.SetAuthorized("test-" + role.ToLowerInvariant());
        Authorization.SetRoles(role);
        Authorization.SetPolicies(policies);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Folder.Dispose();
    }

    protected InMemoryKnowledgeStore Store { get; } = new();

    protected InMemoryFeedbackStore Feedback { get; } = new();

    protected InMemoryConversationHistory History { get; } = new();

    /// <summary>The audit trail of the data folder (<c>data/audit.db</c>), as the app keeps it.</summary>
    protected IAuditTrail AuditTrail => Services.GetRequiredService<IAuditTrail>();

    /// <summary>The newest entries of <see cref="AuditTrail"/>, filtered by action.</summary>
    protected IReadOnlyList<AuditEntry> Audited(string action) =>
        AuditTrail.QueryAsync(new AuditQuery(Action: action), Xunit.TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    protected IndexingStatus Indexing { get; } = new();

    protected EmbeddingStatus Embeddings { get; } = new();

    protected KnowledgeReadiness Readiness => _readiness ??= new KnowledgeReadiness(Store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<KnowledgeReadiness>.Instance);

    /// <summary>Popovers (selects, tooltips) need their provider in the render tree.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();
}
