using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.EmbeddedStore.DataFolders;
using Wissensassistent.EmbeddedStore.Feedback;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>
/// <c>kill -9</c> of a real <c>wissen</c> process mid-run: whenever it dies, the previous generation answers, nothing is
/// half-written, feedback is intact, and the next command completes what was cut short.
/// </summary>
public sealed class CrashSafetyTests
{
    private static readonly string[] Sample =
    [
        "bund/MANIFEST.tsv",
        "bund/bgb.md",
        "bund/vwvfg.md",
        "bund/sgb_10.md",
        "land-bw/GemO-BW_TEIL-1_Wesen-und-Aufgaben-der Gemeinde.md",
        "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(600)]
    [InlineData(1000)]
    public async Task KilledDuringAFullReindex_PreviousGenerationAnswers_FeedbackIntact_AndTheRunIsCompletedNext(int killAfterMs)
    {
        using var folder = new TemporaryFolder("wissen-crash");
        var corpus = folder.Combine("corpus");
        foreach (var file in Sample)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(corpus, file))!);
            File.Copy(Path.Combine(RepositoryRoot.Corpus, file), Path.Combine(corpus, file));
        }

        var data = folder.Combine("data");
        Assert.Equal(0, (await WissenAsync(data, corpus, "ingest", "--no-embed")).ExitCode);
        var feedback = new FeedbackEntry(Guid.NewGuid(), FeedbackKind.CitationWrong, DateTimeOffset.UtcNow, AnswerMode.Extractive, ["x"], "§ 41 Abs. 2 LVwVfG");
        using (var store = FeedbackStore(data))
        {
            await store.SaveAsync(feedback, Ct);
        }

        var killed = await WissenAsync(data, corpus, ["ingest", "--full", "--no-embed"], killAfter: TimeSpan.FromMilliseconds(killAfterMs));
        bool interrupted;

        using (var host = IngestedCorpus.BuildHost(data, corpus))
        {
            var statistics = await host.Services.GetRequiredService<IKnowledgeStore>().GetStatisticsAsync(Ct);
            Assert.Equal(Sample.Length - 1, statistics.Documents); // MANIFEST.tsv describes the corpus
            Assert.NotEmpty(await host.Services.GetRequiredService<IKnowledgeStore>().GetNormAsync("BGB", "573", Ct));
            using var store = FeedbackStore(data);
            Assert.Equal(feedback.Id, Assert.Single(await store.ListAsync(10, Ct)).Id);
            // Killed before the run was recorded, the history holds only the first run.
            var runs = host.Services.GetRequiredService<ReindexHistory>().Runs;
            interrupted = runs.Count == 2 && runs[0].Outcome == ReindexOutcome.Interrupted;
            Assert.True(interrupted || !killed.Killed || runs.Count == 1, string.Join(", ", runs.Select(run => run.Outcome)));
        }

        // A kill during an index-file save leaves that save's own temporary file (wissen.*.db.index.*.tmp), which a later open
        // deletes once it is an hour old, so that no running save loses it; nothing else may be left half written.
        Assert.DoesNotContain(Directory.EnumerateFiles(data, "*.tmp", SearchOption.AllDirectories), file => !Path.GetFileName(file).Contains(".index.", StringComparison.Ordinal));
        var next = await WissenAsync(data, corpus, "search", "Kündigungsfrist Mietvertrag", "--top", "1");
        Assert.Equal(0, next.ExitCode);
        if (interrupted)
        {
            Assert.Contains("unterbrochen", next.Output, StringComparison.Ordinal);
        }

        using var completed = IngestedCorpus.BuildHost(data, corpus);
        var last = completed.Services.GetRequiredService<ReindexHistory>().Runs[0];
        Assert.Equal(ReindexOutcome.Succeeded, last.Outcome);

        // One live generation and its pointer: an abandoned one was removed by the completing run.
        Assert.Single(Directory.EnumerateFiles(Path.Combine(data, "store"), "wissen*.db"));
    }

    [Fact]
    public async Task KilledDuringTheEmbeddingPhase_StoreStaysWhole_AndTheNextRunResumesToTheEnd()
    {
        using var folder = new TemporaryFolder("wissen-crash-embed");
        var corpus = folder.Combine("corpus");
        const string file = "bund/pauswg.md";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(corpus, file))!);
        File.Copy(Path.Combine(RepositoryRoot.Corpus, file), Path.Combine(corpus, file));
        var data = folder.Combine("data");
        Assert.Equal(0, (await WissenAsync(data, corpus, "ingest", "--no-embed")).ExitCode);

        var killed = await WissenAsync(data, corpus, ["embed"], killAfter: TimeSpan.FromSeconds(3.5), embeddings: "MiniLm");
        var resumed = await WissenAsync(data, corpus, ["embed"], killAfter: null, embeddings: "MiniLm");

        Assert.True(killed.Killed || killed.ExitCode == 0, killed.Output);
        Assert.Equal(0, resumed.ExitCode);
        using var host = IngestedCorpus.BuildHost(data, corpus);
        var statistics = await host.Services.GetRequiredService<IKnowledgeStore>().GetStatisticsAsync(Ct);
        Assert.Equal(1, statistics.Documents);
        Assert.Equal(statistics.Chunks, statistics.ChunksWithEmbedding);
    }

    private static SqliteFeedbackStore FeedbackStore(string data)
    {
        var folder = Options.Create(new DataFolder { Directory = data });
        return new SqliteFeedbackStore(folder, new LegacyLayoutMigration(folder, Options.Create(new EmbeddedStoreOptions()), NullLogger<LegacyLayoutMigration>.Instance));
    }

    private static Task<(int ExitCode, string Output, bool Killed)> WissenAsync(string data, string corpus, params string[] arguments) =>
        WissenAsync(data, corpus, arguments, killAfter: null);

    private static async Task<(int ExitCode, string Output, bool Killed)> WissenAsync(string data, string corpus, string[] arguments, TimeSpan? killAfter, string embeddings = "None")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wissen.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        start.ArgumentList.Add("--corpus");
        start.ArgumentList.Add(corpus);
        start.Environment["LanguageModels__Embeddings__Provider"] = embeddings;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        var killed = false;
        if (killAfter is { } delay)
        {
            using var timeout = new CancellationTokenSource(delay);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // SIGKILL: no finally blocks, no flushing, as a power cut or the OOM killer would.
                process.Kill(entireProcessTree: true);
                killed = true;
            }
        }

        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await errors, killed);
    }
}
