using Microsoft.Extensions.Options;
using Wissensassistent.Ingestion;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Worker.Reindexing;

/// <summary>
/// Watches the corpus folder (<see cref="WorkerOptions.WatchCorpus"/>) and starts an incremental run once the folder
/// has been quiet for <see cref="WorkerOptions.WatchDebounce"/>, so copying a hundred files starts one run, not a hundred.
/// A change during a run starts another run after it.
/// </summary>
public sealed partial class CorpusWatcher(
    ReindexService reindex,
    IOptions<WorkerOptions> options,
    IOptions<CorpusOptions> corpus,
    TimeProvider timeProvider,
    ILogger<CorpusWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var debounce = options.Value.WatchDebounce;
        var path = corpus.Value.ResolvePath();
        if (!Directory.Exists(path))
        {
            LogFolderMissing(logger, path);
            return;
        }

        ITimer? timer = null;
        using var quiet = timer = timeProvider.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        using var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Changed(object sender, FileSystemEventArgs e) => quiet.Change(debounce, Timeout.InfiniteTimeSpan);
        watcher.Created += Changed;
        watcher.Changed += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += Changed;
        watcher.Error += (_, e) => LogWatchError(logger, e.GetException());
        watcher.EnableRaisingEvents = true;
        LogWatching(logger, path, debounce);

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        void Fire()
        {
            if (reindex.TryStart(ReindexMode.Incremental, ReindexTrigger.CorpusWatch) is null)
            {
                // Busy: try again after another quiet period, so the change is not lost.
                timer?.Change(debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    [LoggerMessage(6030, LogLevel.Information, "Watching corpus folder {Path} (debounce {Debounce})")]
    private static partial void LogWatching(ILogger logger, string path, TimeSpan debounce);

    [LoggerMessage(6031, LogLevel.Warning, "Corpus folder {Path} does not exist; not watching it")]
    private static partial void LogFolderMissing(ILogger logger, string path);

    [LoggerMessage(6032, LogLevel.Warning, "Corpus watch reported an error")]
    private static partial void LogWatchError(ILogger logger, Exception exception);
}
