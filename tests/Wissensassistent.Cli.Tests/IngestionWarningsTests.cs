using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>Warnings of the parsers reach the run's report with their file; the document is still ingested whole.</summary>
public sealed class IngestionWarningsTests
{
    [Fact]
    public async Task Ingest_DuplicateParagraphAndEmptyHeading_AreWarningsOfTheFile_AndBothTextsAreStored()
    {
        using var folder = new TemporaryFolder();
        var corpus = folder.Combine("corpus");
        const string file = "kommune/GEM-BBO/BBO_Satzung_Friedhof.md";
        Directory.CreateDirectory(Path.Combine(corpus, "kommune", "GEM-BBO"));
        await File.WriteAllTextAsync(Path.Combine(corpus, file), """
            # Satzung über die Benutzung des Friedhofs (Friedhofssatzung)

            ## § 1 Benutzung

            Der Friedhof steht allen Einwohnern offen.

            ## § 1 Ruhezeiten

            Die Ruhezeit beträgt 20 Jahre.

            ## § 2 Gebühren

            ## § 3 Inkrafttreten

            Diese Satzung tritt am Tag nach ihrer Bekanntmachung in Kraft.
            """, TestContext.Current.CancellationToken);
        using var host = IngestedCorpus.BuildHost(folder.Combine("data"), corpus);

        var report = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var store = host.Services.GetRequiredService<IKnowledgeStore>();
        var law = (await store.ListLawsAsync(TestContext.Current.CancellationToken)).Single().Law;
        var paragraph1 = await store.GetNormAsync(law, "1", TestContext.Current.CancellationToken);

        Assert.Equal([file], report.Ingested);
        Assert.Empty(report.Failed);
        Assert.Equal(2, report.Warnings.Count);
        Assert.All(report.Warnings, w => Assert.Equal(file, w.Path));
        Assert.Contains(report.Warnings, w => w.Reason.Contains("§ 1 kommt in der Datei 2-mal vor", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Reason.Contains("„§ 2 Gebühren“ hat keinen Text", StringComparison.Ordinal));
        Assert.Equal(["Der Friedhof steht allen Einwohnern offen.", "Die Ruhezeit beträgt 20 Jahre."], paragraph1.Select(c => c.Text));
    }
}
