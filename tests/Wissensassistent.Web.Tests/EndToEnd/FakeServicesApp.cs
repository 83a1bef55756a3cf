using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Feedback;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.EndToEnd;

/// <summary>
/// The real web app in Kestrel on 127.0.0.1, with the Core services replaced by fakes: the browser tests check the
/// UI itself (JS interop, browser storage, sanitising, CSP) independently of the services.
/// </summary>
public sealed class FakeServicesApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "wa-web-e2e-" + Guid.NewGuid().ToString("N"));

    public FakeServicesApp()
    {
        Port = FreePort.OnLoopback();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        Store.Chunks.AddRange(SampleData.BauGB);
        Store.Laws.Add(SampleData.BauGBInfo);
        Indexing.Update(_ => IndexingSnapshot.Idle with { Phase = IndexingPhase.Completed, Chunks = 4, FilesDone = 1, FilesTotal = 1 });
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public ScriptedAnswerService Answers { get; } = new();

    public InMemoryKnowledgeStore Store { get; } = new();

    public InMemoryFeedbackStore Feedback { get; } = new();

    public IndexingStatus Indexing { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Directory", _dataDirectory);
        builder.ConfigureTestServices(services =>
        {
            // The app's own background work (corpus ingestion, embeddings) would index into the fakes; the web
            // server's hosted service and the readiness monitor (it reads the fake store) stay.
            foreach (var worker in services.Where(IsOwnHostedService).ToList())
            {
                services.Remove(worker);
            }

            services.RemoveAll<IndexingStatus>();
            services.AddSingleton(Indexing);
            services.AddSingleton<IAnswerService>(Answers);
            services.AddSingleton<IKnowledgeStore>(Store);
            services.RemoveAll<IFeedbackStore>();
            services.AddSingleton<IFeedbackStore>(Feedback);
        });
    }

    private static bool IsOwnHostedService(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService) &&
        descriptor.ImplementationType != typeof(ServiceDefaults.ReadinessMonitor) &&
        descriptor.ImplementationType?.Assembly.GetName().Name?.StartsWith("Wissensassistent", StringComparison.Ordinal) == true;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
