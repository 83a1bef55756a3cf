using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.EmbeddedStore.DataFolders;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen backup --to ORDNER</c>: a consistent copy of the data folder (feedback, accounts, API keys, audit trail,
/// history, keys, uploads, the live store generation), also while the web app and the worker run.
/// </summary>
public sealed class BackupCommand : ICliCommand
{
    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var target = arguments.Get("to") ?? (arguments.Positional.Count == 1 ? arguments.Positional[0] : null);
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new CliUsageException("Bitte einen Zielordner angeben: wissen backup --to /sicherung/2026-12-01");
        }

        var data = services.GetRequiredService<IOptions<DataFolder>>().Value;
        var backup = new DataFolderBackup(data, services.GetRequiredService<IKnowledgeStore>() as EmbeddedKnowledgeStore);
        var report = await backup.CreateAsync(target, cancellationToken);

        Console.WriteLine($"Gesichert nach {report.Target}:");
        foreach (var file in report.Files)
        {
            Console.WriteLine($"  {file.Name,-40} {Size(file.Bytes),12}");
        }

        foreach (var reason in report.Skipped)
        {
            Console.WriteLine($"  nicht gesichert: {reason}");
        }

        Console.WriteLine("Wiederherstellen: Web-Anwendung und Worker anhalten, den Datenordner durch diesen Ordner ersetzen, wieder starten.");
        return 0;
    }

    private static string Size(long bytes)
    {
        var c = CultureInfo.GetCultureInfo("de-DE");
        return bytes switch
        {
            < 1024 => string.Create(c, $"{bytes} B"),
            < 1024 * 1024 => string.Create(c, $"{bytes / 1024.0:N1} KB"),
            _ => string.Create(c, $"{bytes / (1024.0 * 1024):N1} MB"),
        };
    }
}
