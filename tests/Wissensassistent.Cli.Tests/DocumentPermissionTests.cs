using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>
/// Document permissions end to end on the embedded store: a corpus whose <c>zugriff.tsv</c> restricts two folders, and
/// two readers in different groups (Anna of the Personalamt, Ben of the Kämmerei). Every path that returns text is asked
/// by both, and by an anonymous reader; a restricted passage, its law's name and its text reach only its group.
/// </summary>
public sealed class DocumentPermissionTests : IAsyncLifetime
{
    public const string PersonalamtFile = "intern/personalamt/DA_Rufbereitschaft.md";
    public const string KaemmereiFile = "intern/kaemmerei/RL_Kassenbereitschaft.md";

    /// <summary>A sentence only the Personalamt's instruction holds.</summary>
    public const string PersonalamtSentence = "Die Rufbereitschaft wird mit zwölf Prozent des Stundenentgelts vergütet.";

    public const string AccessFile = "# Ordner\tGruppen\nintern/personalamt\tPersonalamt\nintern/kaemmerei\tkaemmerei\n";

    private static readonly string[] PublicSample =
    [
        "bund/vwvfg.md",
        "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md",
        "kommune/GEM-BBO/BBO_Richtlinie_Ehrungen.md",
    ];

    private static readonly DocumentAccess Anna = DocumentAccess.ForGroups(["personalamt"]);
    private static readonly DocumentAccess Ben = DocumentAccess.ForGroups(["kaemmerei"]);

    private readonly TemporaryFolder _folder = new();
    private Microsoft.Extensions.Hosting.IHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Corpus => _folder.Combine("corpus");

    private IServiceProvider Services => _host.Services;

    public async ValueTask InitializeAsync()
    {
        WriteCorpus(Corpus);
        _host = IngestedCorpus.BuildHost(_folder.Combine("data"), Corpus);
        await Services.GetRequiredService<IngestionPipeline>().RunAsync(Corpus, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _folder.Dispose();
    }

    /// <summary>The test corpus: some public files of the shipped corpus, two restricted instructions and their zugriff.tsv.</summary>
    internal static void WriteCorpus(string corpus)
    {
        foreach (var file in PublicSample.Append("bund/MANIFEST.tsv"))
        {
            var target = Path.Combine(corpus, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepositoryRoot.Corpus, file), target);
        }

        Write(corpus, PersonalamtFile, "Dienstanweisung über die Rufbereitschaft der Beschäftigten", $"""
            1.1 {PersonalamtSentence}

            1.2 Die Rufbereitschaft trägt das Personalamt in den Dienstplan ein.
            """);
        Write(corpus, KaemmereiFile, "Richtlinie über die Kassenbereitschaft", """
            1.1 Die Kasse ist in Kassenbereitschaft bis zum Tagesabschluss; Barzahlungen über 1.000 Euro nimmt sie nicht an.
            """);
        File.WriteAllText(Path.Combine(corpus, CorpusAccess.FileName), AccessFile);
    }

    [Fact]
    public async Task Ingestion_GivesEachFolderItsGroups()
    {
        var store = Services.GetRequiredService<IKnowledgeStore>();
        var laws = await store.ListLawsAsync(Ct);

        Assert.Equal(["personalamt"], (await PersonalamtChunkAsync()).AccessGroups);
        Assert.Contains(laws, law => law.AccessGroups.SequenceEqual(["kaemmerei"]));
        Assert.Equal(2, laws.Count(law => law.AccessGroups.Count > 0));
    }

    [Fact]
    public async Task Search_RestrictedPassage_OnlyForItsGroup()
    {
        var search = Services.GetRequiredService<ISearchService>();
        async Task<IReadOnlyList<SearchHit>> AsAsync(DocumentAccess access) =>
            (await search.SearchAsync(new SearchRequest("Rufbereitschaft Stundenentgelt vergütet", 20, SearchMode.Lexical, SearchFilter.None with { Access = access }), Ct)).Hits;

        Assert.Equal(PersonalamtFile, (await AsAsync(Anna))[0].Chunk.DocumentId);
        Assert.DoesNotContain(await AsAsync(Ben), hit => hit.Chunk.DocumentId == PersonalamtFile);
        Assert.DoesNotContain(await AsAsync(DocumentAccess.Public), hit => hit.Chunk.AccessGroups.Count > 0);
    }

    [Fact]
    public async Task Search_NamingTheRestrictedNorm_FindsItOnlyForItsGroup()
    {
        var search = Services.GetRequiredService<ISearchService>();
        var named = Core.Citations.CitationFormatter.Format((await PersonalamtChunkAsync()).Citation);

        var anna = await search.SearchAsync(new SearchRequest(named, 5, SearchMode.Lexical, SearchFilter.None with { Access = Anna }), Ct);
        var ben = await search.SearchAsync(new SearchRequest(named, 5, SearchMode.Lexical, SearchFilter.None with { Access = Ben }), Ct);

        Assert.Equal(PersonalamtFile, anna.Hits[0].Chunk.DocumentId);
        Assert.Empty(ben.NamedNorms);
        Assert.DoesNotContain(ben.Hits, hit => hit.Chunk.DocumentId == PersonalamtFile);
    }

    [Fact]
    public async Task Answer_CitesTheRestrictedPassageForItsGroup_RefusesOthersWithoutNamingIt()
    {
        var answers = Services.GetRequiredService<IAnswerService>();
        var law = (await PersonalamtChunkAsync()).Citation.Law;
        const string question = "Wie wird die Rufbereitschaft vergütet?";

        var anna = await answers.AskAsync(new AnswerRequest(question, Filter: SearchFilter.None with { Access = Anna }), Ct);
        var ben = await answers.AskAsync(new AnswerRequest(question, Filter: SearchFilter.None with { Access = Ben }), Ct);
        var anonymous = await answers.AskAsync(new AnswerRequest(question), Ct);

        Assert.False(anna.Refused);
        Assert.Contains(anna.Citations, citation => citation.Chunk.DocumentId == PersonalamtFile);
        foreach (var other in new[] { ben, anonymous })
        {
            Assert.DoesNotContain(other.Citations, citation => citation.Chunk.AccessGroups.Contains("personalamt"));
            AssertNoTrace(other.Text, law);
            Assert.All(other.Notices, notice => AssertNoTrace(notice, law));
        }
    }

    [Fact]
    public async Task FollowUp_AboutARestrictedNorm_StaysPublicForOthers()
    {
        var answers = Services.GetRequiredService<IAnswerService>();
        var law = (await PersonalamtChunkAsync()).Citation.Law;
        var history = new[] { new ConversationTurn("Wie wird die Rufbereitschaft vergütet?", $"Nach Nr. 1.1 {law} mit zwölf Prozent.") };

        var ben = await answers.AskAsync(new AnswerRequest("Und wer trägt sie in den Dienstplan ein?", history, SearchFilter.None with { Access = Ben }), Ct);
        var anna = await answers.AskAsync(new AnswerRequest("Und wer trägt sie in den Dienstplan ein?", history, SearchFilter.None with { Access = Anna }), Ct);

        Assert.DoesNotContain(ben.Citations, citation => citation.Chunk.DocumentId == PersonalamtFile);
        Assert.DoesNotContain("Personalamt in den Dienstplan", ben.Text, StringComparison.Ordinal);
        Assert.Contains(anna.Citations, citation => citation.Chunk.DocumentId == PersonalamtFile);
    }

    [Fact]
    public async Task NormLookup_RestrictedNorm_IsUnknownForOthers_AndNeverSuggested()
    {
        var lookup = Services.GetRequiredService<NormLookup>();
        var chunk = await PersonalamtChunkAsync();
        var (law, section) = (chunk.Citation.Law, chunk.Citation.Section);
        var formatted = Core.Citations.CitationFormatter.Format(chunk.Citation);

        var anna = await lookup.LookupAsync(formatted, Anna, Ct);
        var ben = await lookup.LookupAsync(formatted, Ben, Ct);
        var benInParts = await lookup.LookupAsync(law, section, null, null, Ben, Ct);
        var benNearMiss = await lookup.LookupAsync(law[..^1], section, null, null, Ben, Ct);
        var annaNearMiss = await lookup.LookupAsync(law[..^1], section, null, null, Anna, Ct);

        Assert.True(Assert.Single(anna).Found);
        Assert.All(ben, result => Assert.False(result.Found));
        Assert.False(benInParts.Found);
        Assert.Empty(benInParts.Passage);
        Assert.DoesNotContain(law, benNearMiss.Suggestions);
        Assert.DoesNotContain(law, benNearMiss.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(law, annaNearMiss.Suggestions);
    }

    [Fact]
    public async Task LawDirectory_ListsRestrictedLawsOnlyForTheirGroup()
    {
        var directory = Services.GetRequiredService<LawDirectory>();
        var law = (await PersonalamtChunkAsync()).Citation.Law;

        Assert.Contains(await directory.GetLawsAsync(Anna, Ct), info => info.Law == law);
        Assert.DoesNotContain(await directory.GetLawsAsync(Ben, Ct), info => info.Law == law);
        Assert.DoesNotContain(await directory.GetLawsAsync(DocumentAccess.Public, Ct), info => info.AccessGroups.Count > 0);
    }

    [Fact]
    public async Task ChangedAccessLine_RewritesTheUnchangedFile_OnTheNextIncrementalRun()
    {
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        var search = Services.GetRequiredService<ISearchService>();
        var query = new SearchRequest("Stundenentgelt", 5, SearchMode.Lexical);

        await File.WriteAllTextAsync(Path.Combine(Corpus, CorpusAccess.FileName), "intern/kaemmerei\tkaemmerei\n", Ct);
        var opened = await pipeline.RunAsync(Corpus, cancellationToken: Ct);
        var publicHits = (await search.SearchAsync(query, Ct)).Hits;
        await File.WriteAllTextAsync(Path.Combine(Corpus, CorpusAccess.FileName), AccessFile, Ct);
        var closed = await pipeline.RunAsync(Corpus, cancellationToken: Ct);
        var again = await pipeline.RunAsync(Corpus, cancellationToken: Ct);

        Assert.Equal([PersonalamtFile], opened.Ingested);
        Assert.Contains(publicHits, hit => hit.Chunk.DocumentId == PersonalamtFile);
        Assert.Equal([PersonalamtFile], closed.Ingested);
        Assert.DoesNotContain((await search.SearchAsync(query, Ct)).Hits, hit => hit.Chunk.DocumentId == PersonalamtFile);
        Assert.Empty(again.Ingested);
    }

    [Fact]
    public async Task UnreadableAccessFile_StopsTheRunBeforeAnythingIsWritten()
    {
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        var store = Services.GetRequiredService<IKnowledgeStore>();
        var before = await store.GetDocumentHashesAsync(Ct);

        await File.WriteAllTextAsync(Path.Combine(Corpus, CorpusAccess.FileName), "intern/personalamt Personalamt\n", Ct);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => pipeline.RunAsync(Corpus, cancellationToken: Ct));

        Assert.Contains("zugriff.tsv, Zeile 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await store.GetDocumentHashesAsync(Ct));
    }

    private async Task<Core.Chunks.Chunk> PersonalamtChunkAsync()
    {
        var search = Services.GetRequiredService<ISearchService>();
        var hits = (await search.SearchAsync(new SearchRequest("Stundenentgelt", 5, SearchMode.Lexical, SearchFilter.None with { Access = Anna }), Ct)).Hits;
        return hits.First(hit => hit.Chunk.DocumentId == PersonalamtFile).Chunk;
    }

    /// <summary>Neither the restricted law's name nor a phrase of its text.</summary>
    private static void AssertNoTrace(string text, string law)
    {
        Assert.DoesNotContain(law, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Stundenentgelt", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dienstplan", text, StringComparison.OrdinalIgnoreCase);
    }

    private static void Write(string corpus, string path, string title, string body)
    {
        var target = Path.Combine(corpus, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, $"""
            ---
            titel: {title}
            gueltigkeit: Gemeinde Bad Boll
            status: published
            ---

            # {title}

            **Stand: Januar 2026**

            ## 1. Allgemeines

            {body}
            """);
    }
}
