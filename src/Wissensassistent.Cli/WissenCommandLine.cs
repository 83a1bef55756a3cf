using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wissensassistent.Cli.Commands;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.ServiceDefaults;

namespace Wissensassistent.Cli;

/// <summary>The <c>wissen</c> command: parses the verb, builds the services once, runs the command.</summary>
public static class WissenCommandLine
{
    public const string Usage = """
        wissen – Wissensassistent für Verwaltungsvorschriften

        Aufruf: wissen <befehl> [optionen]

        Befehle:
          ingest [--full] [--no-embed]          Korpus einlesen (nur Geänderte; --full: alles neu in eine neue Generation)
          embed                                 fehlende Einbettungen berechnen (mit Fortschritt)
          search "<anfrage>" [--top N] [--json] [--mode lexical|dense|hybrid] [--law BauGB] [--level bund|land|kommune|intern]
          search --batch DATEI.jsonl [--top N]  viele Anfragen in einem Lauf; je Zeile {"id","question"}
          show "<fundstelle>"                   eine Norm oder einen Absatz anzeigen, z. B. "§ 35 Abs. 1 BauGB"
          ask "<frage>" [--json]                Antwort mit geprüften Fundstellen
          ask --batch DATEI.jsonl               viele Fragen in einem Lauf; je Zeile eine JSON-Antwort mit "id"
          check DATEI [--json]                  Zitate eines Entwurfs prüfen (.txt, .md, .docx, .pdf; „-“: Standardeingabe)
          eval DATEI.jsonl [--top K] [--mode m] [--json] [--law BGB] [--limit N] [--baseline]
                                                Normen (gold), Antworten (key_facts, answerable) oder Dateien (gold_path)
          backup --to ORDNER                    Datenordner sichern (auch im laufenden Betrieb), z. B. vor einem Update
          bench [--sizes corpus,100000,1000000] [--queries N] [--ann]
          bench --embedding-load [--queries N]  Antwortzeit ohne und während der Einbettungsphase
          bench --embeddings [--onnx ORDNER] [--chunks N] [--rounds N]   Abschnitte/s: ONNX-Anbieter gegen das MiniLM-Paket

        Für jeden Befehl:
          --data ORDNER      Datenordner (Standard: data): Speicher, Rückmeldungen, Konten, Verlauf, Uploads
          --corpus ORDNER    Korpusordner (Standard: corpus)

        Für search, show, ask und eval (wer liest; ohne: nur öffentliche Dokumente):
          --as BENUTZER      mit den Gruppen dieses lokalen Kontos (users.db im Datenordner)
          --groups A,B       mit diesen Gruppen
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        CliArguments arguments;
        try
        {
            arguments = CliArguments.Parse(args);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (arguments.Verb is "help" or "--help" || arguments.Has("help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            ICliCommand command = arguments.Verb switch
            {
                "ingest" => new IngestCommand(),
                "embed" => new EmbedCommand(),
                "search" => new SearchCommand(),
                "show" => new ShowCommand(),
                "ask" => new AskCommand(),
                "check" => new CheckCommand(),
                "eval" => new EvalCommand(),
                "bench" => new BenchCommand(),
                "backup" => new BackupCommand(),
                _ => throw new CliUsageException($"Unbekannter Befehl „{arguments.Verb}“. „wissen help“ zeigt die Befehle."),
            };

            VerbOptions.EnsureKnown(arguments);
            using var host = BuildHost(arguments.ConfigurationOverrides());
            return await command.RunAsync(arguments, host.Services, cancellation.Token);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Core.Storage.KnowledgeStoreUnavailableException ex)
        {
            return await StoreOutage.ReportAsync(ex);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Abgebrochen.");
            return 130;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"Fehler: {ex.Message}");
            return 1;
        }
    }

    public static IHost BuildHost(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);

        // Diagnostics go to stderr so that --json output stays machine-readable.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.AddWissensassistent();

        // The runner and its history only; the host is never started, so no background service runs.
        builder.Services.AddReindexing();
        return builder.Build();
    }
}
