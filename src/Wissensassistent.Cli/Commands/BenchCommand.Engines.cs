using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Cli.Evaluation;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// The lexical engine side of the bench: opening a written store in a new process (from its index file, and rebuilt
/// from the store file), and the engine candidates side by side on the same chunks and weighted query terms.
/// </summary>
public sealed partial class BenchCommand
{
    private const string OpenStoreOption = "open-store";

    /// <summary>What a child process's result line for the parent starts with.</summary>
    private const string ChildLinePrefix = "OPEN ";

    private const int MaxFts5Chunks = 200_000;

    /// <summary>
    /// In the child process: opens the store in <paramref name="folder"/>, answers the first lexical question, times the
    /// lexical questions and prints one line for the parent. Nothing else runs in it, so its peak is the lexical peak.
    /// </summary>
    private static async Task<int> OpenStoreInChildAsync(string folder, string corpus, int repetitions, CancellationToken cancellationToken)
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        using var host = WissenCommandLine.BuildHost([new("Data:Directory", folder), new("Corpus:Path", corpus)]);
        var store = host.Services.GetRequiredService<IKnowledgeStore>();
        var search = host.Services.GetRequiredService<ISearchService>();
        var opening = Stopwatch.StartNew();
        // Any first operation opens the store; this one reads only the document table afterwards.
        await store.GetDocumentHashesAsync(cancellationToken);
        var openMs = opening.Elapsed.TotalMilliseconds;
        await search.SearchAsync(new SearchRequest(Questions[0], 10, SearchMode.Lexical), cancellationToken);
        var firstAnswerMs = opening.Elapsed.TotalMilliseconds;
        var sinceStartMs = (DateTime.UtcNow - started).TotalMilliseconds;
        var lexical = await TimeQueriesAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Lexical), cancellationToken), repetitions);
        var opened = new OpenRow(openMs, firstAnswerMs, sinceStartMs, lexical.P50, lexical.P95, lexical.P99, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
        Console.WriteLine(ChildLinePrefix + JsonSerializer.Serialize(opened));
        return 0;
    }

    /// <summary>
    /// Opens the store written at <paramref name="folder"/> in a new process, from its index file and then without it; and
    /// once with no chunk kept in memory after it was read, so that every search reads its candidates from SQLite (what a
    /// question costs whose candidates no question before it had).
    /// </summary>
    private static async Task<(OpenRow? FromFile, OpenRow? Rebuilt, OpenRow? EveryHitRead)> MeasureOpenAsync(string folder, string corpus, int repetitions, CancellationToken cancellationToken)
    {
        Terminal.Progress("Öffnen in einem neuen Prozess …");
        var fromFile = await RunOpenChildAsync(folder, corpus, repetitions, cancellationToken);
        var everyHitRead = await RunBenchChildAsync<OpenRow>(OpenStoreOption, folder, corpus, repetitions, new Dictionary<string, string> { ["EmbeddedStore__LoadedChunks"] = "0" }, cancellationToken);
        foreach (var index in Directory.EnumerateFiles(folder, "*.index", SearchOption.AllDirectories))
        {
            File.Delete(index);
        }

        var rebuilt = await RunOpenChildAsync(folder, corpus, repetitions, cancellationToken);
        Terminal.EndProgress();
        return (fromFile, rebuilt, everyHitRead);
    }

    private static async Task<OpenRow?> RunOpenChildAsync(string folder, string corpus, int repetitions, CancellationToken cancellationToken) =>
        await RunBenchChildAsync<OpenRow>(OpenStoreOption, folder, corpus, repetitions, cancellationToken);

    /// <summary>Runs <c>wissen bench --<paramref name="option"/> folder</c> in a new process and reads the one line it prints for the parent.</summary>
    private static Task<T?> RunBenchChildAsync<T>(string option, string folder, string corpus, int repetitions, CancellationToken cancellationToken)
        where T : class =>
        RunBenchChildAsync<T>(option, folder, corpus, repetitions, null, cancellationToken);

    /// <param name="environment">Set for the child only (configuration such as <c>EmbeddedStore__LoadedChunks</c>).</param>
    private static async Task<T?> RunBenchChildAsync<T>(string option, string folder, string corpus, int repetitions, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
        where T : class
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }

        foreach (var argument in new[] { "bench", "--" + option, folder, "--corpus", corpus, "--queries", repetitions.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync(cancellationToken);
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var stderr = await errors;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ChildLinePrefix, StringComparison.Ordinal));
        if (line is null)
        {
            // An empty row alone would hide why: say what the child said last.
            var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3);
            await Console.Error.WriteLineAsync($"Messung im neuen Prozess (--{option}) ohne Ergebnis, Exit-Code {child.ExitCode}: {string.Join(" | ", last)}");
            return null;
        }

        return JsonSerializer.Deserialize<T>(line[ChildLinePrefix.Length..]);
    }

    /// <summary>
    /// The engine candidates on the same chunks and the same weighted terms (our query analysis, no feedback, no
    /// re-ranking): ours through the store (hits loaded whole), Lucene.Net over our analysis, Lucene.Net's German
    /// analyzer, SQLite FTS5 over our analysis. Top 10 and the 200 candidates search takes.
    /// </summary>
    private static async Task<List<EngineRow>> CompareEnginesAsync(IKnowledgeStore store, ITextAnalyzer analyzer, IReadOnlyList<Core.Chunks.Chunk> chunks, LuceneBaseline german, string folder, int repetitions, CancellationToken cancellationToken)
    {
        Terminal.Progress($"Lucene.Net mit unserer Analyse über {chunks.Count:N0} Abschnitte …");
        var queries = Questions.Select(q => QueryTerms.FromText(analyzer, q)).ToArray();
        var rows = new List<EngineRow>();
        foreach (var top in new[] { 10, 200 })
        {
            var index = 0;
            var ours = await TimeQueriesAsync(_ => store.SearchLexicalAsync(queries[index++ % queries.Length], SearchFilter.None, top, cancellationToken), repetitions);
            rows.Add(new EngineRow("eigener Index (SQLite-Datensätze)", top, ours));
        }

        using var lucene = AnalysedLuceneIndex.Build(chunks, analyzer, Path.Combine(folder, "lucene-eigene-analyse"));
        foreach (var top in new[] { 10, 200 })
        {
            var index = 0;
            var timed = await TimeQueriesAsync(_ => Task.FromResult(lucene.Search(queries[index++ % queries.Length], top)), repetitions);
            rows.Add(new EngineRow("Lucene.Net, unsere Analyse", top, timed, lucene.BuildTime.TotalSeconds, lucene.OpenTime.TotalMilliseconds, lucene.SizeOnDisk() / 1048576.0));
        }

        foreach (var top in new[] { 10, 200 })
        {
            var timed = await TimeQueriesAsync(q => Task.FromResult(german.Search(q, top)), repetitions);
            rows.Add(new EngineRow("Lucene.Net, GermanAnalyzer", top, timed));
        }

        // FTS5 builds slowest; past this size it would add many minutes to a bench run for an engine already behind.
        if (chunks.Count <= MaxFts5Chunks)
        {
            Terminal.Progress($"SQLite FTS5 über {chunks.Count:N0} Abschnitte …");
            using var fts5 = Fts5Index.Build(chunks, analyzer, Path.Combine(folder, "fts5.db"));
            foreach (var top in new[] { 10, 200 })
            {
                var index = 0;
                var timed = await TimeQueriesAsync(_ => Task.FromResult(fts5.Search(queries[index++ % queries.Length], top)), repetitions);
                rows.Add(new EngineRow("SQLite FTS5, unsere Analyse", top, timed, fts5.BuildTime.TotalSeconds, null, fts5.SizeOnDisk() / 1048576.0));
            }
        }

        Terminal.EndProgress();
        return rows;
    }

    private static void PrintEngines(List<BenchRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("Öffnen in einem neuen Prozess (lexikalisch): Speicher öffnen, erste Antwort, seit Prozessstart; Spitze des Prozesses");
        Console.WriteLine("(lex. jeder Treffer aus SQLite: ohne im Speicher gehaltene Abschnitte, EmbeddedStore:LoadedChunks = 0)");
        Console.WriteLine(string.Create(c, $"{"Abschnitte",11} {"Indexdatei ms",14} {"1. Antwort ms",14} {"ab Start ms",12} {"lex. p50/p95/p99",18} {"jeder Treffer aus SQLite",25} {"Spitze MB",10}   {"neu aufgebaut ms",17} {"1. Antwort ms",14} {"Spitze MB",10}"));
        foreach (var r in rows)
        {
            var f = r.OpenFromFile;
            var b = r.OpenRebuilt;
            var e = r.OpenEveryHitRead;
            Console.WriteLine(string.Create(c, $"{r.Chunks,11:N0} {f?.OpenMs,14:0} {f?.FirstAnswerMs,14:0} {f?.SinceProcessStartMs,12:0} {(f is null ? "–" : $"{f.P50:0.0}/{f.P95:0.0}/{f.P99:0.0}"),18} {(e is null ? "–" : $"{e.P50:0.0}/{e.P95:0.0}/{e.P99:0.0}"),25} {f?.PeakMb,10:0}   {b?.OpenMs,17:0} {b?.FirstAnswerMs,14:0} {b?.PeakMb,10:0}"));
        }

        Console.WriteLine();
        Console.WriteLine("Lexikalische Engines, gleiche Abschnitte und gewichtete Suchterme (ohne Rückkopplung und Nachgewichtung):");
        Console.WriteLine(string.Create(c, $"{"Abschnitte",11} {"Engine",-36} {"Top",4} {"p50/p95/p99 ms",18} {"Aufbau s",9} {"Öffnen ms",10} {"Index MB",9}"));
        foreach (var r in rows)
        {
            foreach (var e in r.Engines)
            {
                Console.WriteLine(string.Create(c, $"{r.Chunks,11:N0} {e.Engine,-36} {e.Top,4} {e.Latency,18} {e.BuildSeconds,9:0.0} {e.OpenMs,10:0} {e.SizeMb,9:0}"));
            }
        }
    }

    private sealed record OpenRow(double OpenMs, double FirstAnswerMs, double SinceProcessStartMs, double P50, double P95, double P99, double PeakMb);

    private sealed record EngineRow(string Engine, int Top, Latency Latency, double? BuildSeconds = null, double? OpenMs = null, double? SizeMb = null);
}
