using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli;

/// <summary>
/// An unreachable store (Qdrant down, wrong <c>Qdrant:Url</c>) ends every verb the same way: its German message,
/// what to check, and exit code <see cref="ExitCode"/>; no stack trace, because nothing is wrong with the command.
/// </summary>
public static class StoreOutage
{
    /// <summary>Distinct from 1 (other errors), 2 (usage) and 3 (files that failed), so scripts can wait and retry.</summary>
    public const int ExitCode = 4;

    public static async Task<int> ReportAsync(KnowledgeStoreUnavailableException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        await Console.Error.WriteLineAsync($"Fehler: Der Wissensspeicher ist nicht erreichbar. {exception.Message}");
        await Console.Error.WriteLineAsync("Bitte den Befehl wiederholen, sobald der Speicher wieder erreichbar ist.");
        return ExitCode;
    }
}
