using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>Real symbolic links in a corpus made in the test: loops, links out of the root, and files reached twice.</summary>
public sealed class CorpusLinkTests
{
    private const string Satzung = "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md";

    [Theory]
    [InlineData("zurueck", "..")]
    [InlineData("hier", ".")]
    public async Task Ingest_FolderLinkToItselfOrItsParent_IsRefusedAsLoop_AndTheFileStaysOneDocument(string name, string target)
    {
        using var folder = new TemporaryFolder();
        var corpus = CorpusWith(folder, Satzung);
        Link(Path.Combine(corpus, "kommune/GEM-BBO", name), target, directory: true);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);

        var report = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var statistics = await host.Services.GetRequiredService<IKnowledgeStore>().GetStatisticsAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Satzung], report.Ingested);
        Assert.Equal(1, statistics.Documents);
        var refused = Assert.Single(report.Skipped);
        Assert.Equal($"kommune/GEM-BBO/{name}", refused.Path);
        Assert.Contains("Schleife", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_LinksOutOfTheRoot_AreRefused_AndTheirTextIsNotSearchable()
    {
        using var folder = new TemporaryFolder();
        var corpus = CorpusWith(folder, Satzung);
        var outside = folder.Combine("aussen");
        Directory.CreateDirectory(outside);
        var secret = Path.Combine(outside, "geheim.md");
        await File.WriteAllTextAsync(secret, "# Geheim\n\n## § 1 Kennwort\n\nDas Kennwort lautet Quastenflosser.\n", TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(corpus, "intern"));
        Link(Path.Combine(corpus, "intern/geheim.md"), secret, directory: false);
        Link(Path.Combine(corpus, "intern/passwd.txt"), "/etc/passwd", directory: false);
        Link(Path.Combine(corpus, "intern/aussen"), Path.Combine("..", "..", "aussen"), directory: true);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);

        var report = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var search = host.Services.GetRequiredService<ISearchService>();
        var hits = (await search.SearchAsync(new SearchRequest("Quastenflosser Kennwort", 5, SearchMode.Lexical), TestContext.Current.CancellationToken)).Hits;
        var root = (await search.SearchAsync(new SearchRequest("root bin bash", 5, SearchMode.Lexical), TestContext.Current.CancellationToken)).Hits;

        Assert.Equal([Satzung], report.Ingested);
        Assert.Equal(["intern/aussen", "intern/geheim.md", "intern/passwd.txt"], report.Skipped.Select(s => s.Path));
        Assert.All(report.Skipped, s => Assert.Contains("aus dem Korpusordner hinaus", s.Reason, StringComparison.Ordinal));
        Assert.Empty(hits);
        Assert.Empty(root);
    }

    [Fact]
    public async Task Ingest_LinkToAFileInsideTheRoot_IsRead_ButEachFileBecomesOneDocument()
    {
        using var folder = new TemporaryFolder();
        var corpus = CorpusWith(folder, Satzung);
        Directory.CreateDirectory(Path.Combine(corpus, "intern"));
        Link(Path.Combine(corpus, "intern/hundesteuer.md"), Path.Combine("..", Satzung), directory: false);

        // A draft in a hidden folder is listed only through its link, so the link is the document.
        var drafts = Path.Combine(corpus, ".entwurf");
        Directory.CreateDirectory(drafts);
        await File.WriteAllTextAsync(Path.Combine(drafts, "dienstanweisung.md"), "# Dienstanweisung Kasse\n\n## § 1 Geltung\n\nDiese Dienstanweisung gilt für die Gemeindekasse.\n", TestContext.Current.CancellationToken);
        Link(Path.Combine(corpus, "intern/dienstanweisung.md"), Path.Combine("..", ".entwurf", "dienstanweisung.md"), directory: false);
        Link(Path.Combine(corpus, "intern/kasse.md"), Path.Combine("..", ".entwurf", "dienstanweisung.md"), directory: false);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);

        var report = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var hashes = await host.Services.GetRequiredService<IKnowledgeStore>().GetDocumentHashesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["intern/dienstanweisung.md", Satzung], hashes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["intern/dienstanweisung.md", Satzung], report.Ingested.Order(StringComparer.Ordinal));
        Assert.Equal(["intern/hundesteuer.md", "intern/kasse.md"], report.Skipped.Select(s => s.Path));
        Assert.Contains($"„{Satzung}“", report.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("nur einmal", report.Skipped[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_DocumentOnceReadThroughALinkOutOfTheRoot_IsRemovedOnTheNextRun()
    {
        using var folder = new TemporaryFolder();
        var corpus = CorpusWith(folder, Satzung);
        Directory.CreateDirectory(Path.Combine(corpus, "intern"));
        Link(Path.Combine(corpus, "intern/passwd.txt"), "/etc/passwd", directory: false);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();

        var first = await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var second = await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);

        Assert.DoesNotContain("intern/passwd.txt", first.Ingested);
        Assert.Empty(second.Deleted);
        Assert.Equal("intern/passwd.txt", Assert.Single(second.Skipped).Path);
    }

    [Fact]
    public async Task Ingest_DanglingLink_IsRefusedWithReason()
    {
        using var folder = new TemporaryFolder();
        var corpus = CorpusWith(folder, Satzung);
        Directory.CreateDirectory(Path.Combine(corpus, "intern"));
        Link(Path.Combine(corpus, "intern/weg.md"), "gibt-es-nicht.md", directory: false);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);

        var report = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([Satzung], report.Ingested);
        Assert.Contains("ins Leere", Assert.Single(report.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WissenIngest_PrintsTheRefusedLinksWithTheirReasons()
    {
        using var folder = new TemporaryFolder();
        var corpus = CorpusWith(folder, Satzung);
        Directory.CreateDirectory(Path.Combine(corpus, "intern"));
        Link(Path.Combine(corpus, "intern/passwd.txt"), "/etc/passwd", directory: false);
        Link(Path.Combine(corpus, "kommune/GEM-BBO/zurueck"), "..", directory: true);

        var result = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["LanguageModels__Embeddings__Provider"] = "None", ["Store__Provider"] = "Embedded" },
            "ingest", "--no-embed", "--data", folder.Combine("data"), "--corpus", corpus);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Eingelesen: 1 Dokumente", result.Output, StringComparison.Ordinal);
        Assert.Contains("Übersprungen (2):", result.Output, StringComparison.Ordinal);
        Assert.Contains("intern/passwd.txt: Symbolischer Verweis auf „/etc/passwd“ zeigt aus dem Korpusordner hinaus", result.Output, StringComparison.Ordinal);
        Assert.Contains("kommune/GEM-BBO/zurueck: Ordnerverweis auf „..“ zeigt auf einen übergeordneten Ordner und bildet eine Schleife", result.Output, StringComparison.Ordinal);
    }

    private static string CorpusWith(TemporaryFolder folder, string file)
    {
        var corpus = folder.Combine("corpus");
        var target = Path.Combine(corpus, file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot.Corpus, file), target);
        return corpus;
    }

    private static void Link(string path, string target, bool directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("Symbolische Verweise werden hier unter Linux und macOS geprüft.");
        }

        _ = directory ? Directory.CreateSymbolicLink(path, target) : File.CreateSymbolicLink(path, target);
    }
}
