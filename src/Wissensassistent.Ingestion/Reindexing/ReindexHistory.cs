using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// The last runs, newest first, kept in <c>reindex-history.json</c> in the data folder (<see cref="DataFolder.ReindexHistory"/>). Written as a whole to a temporary
/// file and renamed over the old one, so a crash never leaves half a file; an unreadable or unwritable file costs the
/// history, never a run. A run is recorded when it starts, so a run cut short by a crash shows up as interrupted.
/// </summary>
public sealed partial class ReindexHistory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly int _capacity;
    private readonly ILogger<ReindexHistory> _logger;
    private List<ReindexRun>? _runs;

    public ReindexHistory(IOptions<DataFolder> data, IOptions<ReindexHistoryOptions> options, ILogger<ReindexHistory> logger)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        _path = data.Value.ReindexHistory;
        _capacity = options.Value.HistoryLength;
        _logger = logger;
    }

    public IReadOnlyList<ReindexRun> Runs
    {
        get
        {
            lock (_gate)
            {
                return [.. Load()];
            }
        }
    }

    /// <summary>Adds the run or replaces the entry with its id, and writes the file.</summary>
    public void Record(ReindexRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            var runs = Load();
            var index = runs.FindIndex(r => r.Id == run.Id);
            if (index >= 0)
            {
                runs[index] = run;
            }
            else
            {
                runs.Insert(0, run);
                if (runs.Count > _capacity)
                {
                    runs.RemoveRange(_capacity, runs.Count - _capacity);
                }
            }

            Save(runs);
        }
    }

    private List<ReindexRun> Load()
    {
        if (_runs is not null)
        {
            return _runs;
        }

        _runs = [];
        try
        {
            if (File.Exists(_path))
            {
                var stored = JsonSerializer.Deserialize<List<ReindexRun>>(File.ReadAllText(_path), Json) ?? [];

                // Runs still open in the file belonged to a process that ended during them.
                _runs = [.. stored.Select(run => run.IsFinished ? run : run with { Outcome = ReindexOutcome.Interrupted, Message = "Der Dienst wurde während des Laufs beendet." })];
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            LogUnreadable(_logger, _path, exception);
        }

        return _runs;
    }

    private void Save(List<ReindexRun> runs)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(runs, Json));
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogUnwritable(_logger, _path, exception);
        }
    }

    [LoggerMessage(6040, LogLevel.Warning, "Reindex history {Path} could not be read; starting a new one")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(6041, LogLevel.Warning, "Reindex history {Path} could not be written; runs are kept in memory only")]
    private static partial void LogUnwritable(ILogger logger, string path, Exception exception);
}
