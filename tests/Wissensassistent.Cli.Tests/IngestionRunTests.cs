using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>Whole ingestion runs on small corpora made in the test: idempotence, incremental updates, bad files.</summary>
public sealed class IngestionRunTests
{
    private static readonly string[] Sample =
    [
        "bund/vwvfg.md",
        "land-bw/GemO-BW_TEIL-1_Wesen-und-Aufgaben-der Gemeinde.md",
        "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md",
        "kommune/GEM-BBO/BBO_Richtlinie_Ehrungen.md",
    ];

    [Fact]
    public async Task Ingest_SecondRunWithNothingChanged_DoesNoWork()
    {
        using var folder = new TemporaryFolder();
        var corpus = CopySample(folder);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
        var store = host.Services.GetRequiredService<IKnowledgeStore>();

        var first = await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var statsAfterFirst = await store.GetStatisticsAsync(TestContext.Current.CancellationToken);
        var second = await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var statsAfterSecond = await store.GetStatisticsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Sample.Length, first.Ingested.Count);
        Assert.Empty(second.Ingested);
        Assert.Equal(Sample.Length, second.Unchanged);
        Assert.False(second.ChangedAnything);
        Assert.Equal(statsAfterFirst, statsAfterSecond);
    }

    [Fact]
    public async Task Ingest_AfterAnUpgradeThatChangesTheAnalysis_ReadsEveryDocumentAgain_ThenNothing()
    {
        // A store filled by the previous version holds that version's terms; queries analysed the new way would miss them.
        using var folder = new TemporaryFolder();
        var corpus = CopySample(folder);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);
        await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);

        var upgraded = ActivatorUtilities.CreateInstance<IngestionPipeline>(host.Services, new RevisedAnalyzer(host.Services.GetRequiredService<ITextAnalyzer>()));
        var first = await upgraded.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var second = await upgraded.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Sample.Length, first.Ingested.Count);
        Assert.Empty(second.Ingested);
        Assert.Equal(Sample.Length, second.Unchanged);
    }

    [Fact]
    public async Task Ingest_ChangedFile_IsReingestedAloneWithoutDuplicates()
    {
        using var folder = new TemporaryFolder();
        var corpus = CopySample(folder);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
        var store = host.Services.GetRequiredService<IKnowledgeStore>();
        await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var before = await store.GetStatisticsAsync(TestContext.Current.CancellationToken);

        var satzung = Path.Combine(corpus, Sample[2]);
        var text = await File.ReadAllTextAsync(satzung, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(satzung, text.Replace("165,00 €", "175,00 €", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var report = await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var after = await store.GetStatisticsAsync(TestContext.Current.CancellationToken);
        var search = host.Services.GetRequiredService<ISearchService>();
        var hit = (await search.SearchAsync(new SearchRequest("§ 5 Hundesteuersatzung Bad Boll", 1), TestContext.Current.CancellationToken)).Hits[0];

        Assert.Equal([Sample[2]], report.Ingested);
        Assert.Equal(Sample.Length - 1, report.Unchanged);
        Assert.Equal(before.Chunks, after.Chunks);
        Assert.Contains("175,00 €", hit.Chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_DeletedFile_IsRemovedFromTheStore()
    {
        using var folder = new TemporaryFolder();
        var corpus = CopySample(folder);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
        await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);

        File.Delete(Path.Combine(corpus, Sample[3]));
        var report = await pipeline.RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var hashes = await host.Services.GetRequiredService<IKnowledgeStore>().GetDocumentHashesAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Sample[3]], report.Deleted);
        Assert.DoesNotContain(Sample[3], hashes.Keys);
    }

    [Fact]
    public async Task Ingest_BadFiles_AreReportedWithReasons_AndEveryGoodFileIsIngested()
    {
        using var folder = new TemporaryFolder();
        var corpus = CopySample(folder);
        var bad = Path.Combine(corpus, "intern");
        Directory.CreateDirectory(bad);
        await File.WriteAllTextAsync(Path.Combine(bad, "leer.md"), "   \n", TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(bad, "binär.md"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(bad, "abgeschnitten.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog"u8.ToArray(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(bad, "kein-zip.docx"), "Das ist kein Word-Dokument.", TestContext.Current.CancellationToken);
        using (var huge = File.Create(Path.Combine(bad, "riesig.md")))
        {
            huge.SetLength(200L * 1024 * 1024); // sparse: costs no disk, but is 200 MB to the pipeline
        }

        await File.WriteAllTextAsync(Path.Combine(bad, "notiz.xyz"), "unbekannt", TestContext.Current.CancellationToken);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);

        var report = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Sample.Order(StringComparer.Ordinal), report.Ingested.Order(StringComparer.Ordinal));
        var reasons = report.Failed.ToDictionary(f => Path.GetFileName(f.Path), f => f.Reason);
        Assert.Equal(["abgeschnitten.pdf", "binär.md", "kein-zip.docx", "leer.md", "riesig.md"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.All(reasons.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        Assert.Contains("zu groß", reasons["riesig.md"], StringComparison.Ordinal);
        Assert.Equal("intern/notiz.xyz", Assert.Single(report.Skipped).Path);
    }

    [Fact]
    public async Task Ingest_FirstRun_ReadsReferencesWithTheNamesOfTheLawsItIsReading()
    {
        // The bylaw is read before the Land law it cites by title; a first run, like a new generation, holds no laws yet,
        // and the federal name inside that title made the reference point to the VwVG.
        using var folder = new TemporaryFolder();
        var corpus = CopyCorpus(folder, "kommune/LKR-GP/LKR-GP_Satzung_Verwaltungsgebuehrensatzung.md", "land-bw/LVwVG - BW.md");
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);
        await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var index = Assert.IsAssignableFrom<ICrossReferenceIndex>(host.Services.GetRequiredService<IKnowledgeStore>());

        var citingLand = await index.GetReferringChunksAsync("LVwVG", "31", TestContext.Current.CancellationToken);
        var citingFederal = await index.GetReferringChunksAsync("VwVG", "31", TestContext.Current.CancellationToken);

        Assert.Contains(citingLand, c => c.Citation.Law == "Verwaltungsgebührensatzung LK Göppingen");
        Assert.Empty(citingFederal);
    }

    private static string CopySample(TemporaryFolder folder) => CopyCorpus(folder, Sample);

    private static string CopyCorpus(TemporaryFolder folder, params string[] files)
    {
        var corpus = folder.Combine("corpus");
        foreach (var file in files.Append("bund/MANIFEST.tsv"))
        {
            var target = Path.Combine(corpus, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepositoryRoot.Corpus, file), target);
        }

        return corpus;
    }

    /// <summary>The same analysis under another fingerprint, as after an upgrade that changed the analysis rules.</summary>
    private sealed class RevisedAnalyzer(ITextAnalyzer inner) : ITextAnalyzer
    {
        public string Fingerprint => inner.Fingerprint + "+revised";

        public IReadOnlyList<string> Analyze(string text) => inner.Analyze(text);

        public IReadOnlyList<AnalyzedToken> AnalyzeTokens(string text) => inner.AnalyzeTokens(text);
    }
}
