using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.Web.Admin;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>Embeddings are a background phase of their own: they never hold up a reindex or an upload.</summary>
public sealed class EmbeddingPhaseTests : IAsyncLifetime
{
    private readonly GatedEmbeddingGenerator _model = new();
    private readonly WebAppFactory _app;

    public EmbeddingPhaseTests()
    {
        _app = new WebAppFactory().WithServices(services =>
        {
            services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_model);
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _model.Release();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task UploadDuringTheEmbeddingPhase_IsIndexedWithoutACancel_AndTheNewPassagesAreEmbeddedAfterwards()
    {
        var control = _app.Services.GetRequiredService<IReindexControl>();
        var embeddings = _app.Services.GetRequiredService<EmbeddingStatus>();
        Assert.NotNull(await control.StartAsync(ReindexMode.Incremental, ReindexTrigger.Admin, Ct));
        Assert.Equal(ReindexOutcome.Succeeded, (await WaitForIdleAsync(control)).Outcome);
        await _model.Entered.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(EmbeddingState.Running, embeddings.Current.State);

        var upload = await _app.Services.GetRequiredService<CorpusUploads>().SaveAsync(
            "satzung.md", folder: null, 40, new MemoryStream("# Satzung\n\n§ 1 Geltung\n\nDiese Satzung gilt."u8.ToArray()), replace: false, cancellationToken: Ct);
        var started = await control.StartAsync(ReindexMode.Incremental, ReindexTrigger.Upload, Ct);
        var run = await WaitForIdleAsync(control);

        Assert.Equal(CorpusUploadStatus.Saved, upload.Status);
        Assert.NotNull(started);
        Assert.Equal(ReindexOutcome.Succeeded, run.Outcome);
        Assert.Equal(["hochgeladen/satzung.md"], run.FilesIngested);

        _model.Release();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(embeddings.Current is { State: EmbeddingState.Idle } done && done.Done == done.Total && done.Total == run.Chunks) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(EmbeddingState.Idle, embeddings.Current.State);
        Assert.Equal(run.Chunks, embeddings.Current.Done);
        Assert.True(File.Exists(Path.Combine(_app.DataPath, "uploads", "satzung.md")));
        Assert.False(File.Exists(Path.Combine(_app.CorpusPath, "satzung.md")));
    }

    private static async Task<ReindexRun> WaitForIdleAsync(IReindexControl control)
    {
        while ((await control.GetStatusAsync(Ct)).Active is not null)
        {
            await Task.Delay(20, Ct);
        }

        return (await control.GetHistoryAsync(Ct))[0];
    }

    /// <summary>Bag-of-words vectors; the first call waits until released, as a long embedding phase would.</summary>
    private sealed class GatedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly BagOfWordsEmbeddingGenerator _inner = new();
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            _entered.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            return await _inner.GenerateAsync(values, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

        public void Dispose() => _inner.Dispose();
    }
}
