using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// When <see cref="CorpusOptions.IngestOnStartup"/> is set, queues an incremental run as the host starts, through
/// <see cref="ReindexService"/>, so that it never races a run started from the admin page. The app serves from the
/// first moment; the UI shows the progress.
/// </summary>
public sealed class StartupReindex(ReindexService reindex, IOptions<CorpusOptions> corpus) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (corpus.Value.IngestOnStartup)
        {
            reindex.TryStart(ReindexMode.Incremental, ReindexTrigger.Startup);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
