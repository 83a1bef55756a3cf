using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>A reindex from /admin over a corpus with refused symbolic links: the run's errors (shown on the page) say why.</summary>
public sealed class CorpusLinkReindexTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reindex_LinkOutOfTheRootAndFolderLoop_AreRunErrorsWithGermanReasons()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("Symbolische Verweise werden hier unter Linux und macOS geprüft.");
        }

        var control = _app.Services.GetRequiredService<IReindexControl>();
        Directory.CreateDirectory(Path.Combine(_app.CorpusPath, "intern"));
        File.CreateSymbolicLink(Path.Combine(_app.CorpusPath, "intern", "passwd.txt"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(_app.CorpusPath, "intern", "schleife"), "..");

        var run = await control.StartAsync(ReindexMode.Incremental, ReindexTrigger.Admin, Ct);
        while ((await control.GetStatusAsync(Ct)).Active is not null)
        {
            await Task.Delay(20, Ct);
        }

        var finished = Assert.Single(await control.GetHistoryAsync(Ct));
        Assert.NotNull(run);
        Assert.Equal(ReindexOutcome.Succeeded, finished.Outcome);
        Assert.Equal(2, finished.FilesIngested.Count);
        var errors = finished.Errors.ToDictionary(e => e.Path, e => e.Reason);
        Assert.Contains("aus dem Korpusordner hinaus", errors["intern/passwd.txt"], StringComparison.Ordinal);
        Assert.Contains("Schleife", errors["intern/schleife"], StringComparison.Ordinal);
    }
}
