using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Wissensassistent.Testing;

namespace Wissensassistent.Worker.Tests;

/// <summary>How the worker starts and what it logs: as a process, the way operators meet it.</summary>
public sealed class WorkerStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_WithoutKey_StopsWithAGermanMessage_NotAnUnhandledException()
    {
        using var folder = new TemporaryFolder("wissen-worker-nokey");
        TestCorpus.CopyTo(folder.Combine("corpus"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wissensassistent.Worker.dll"));
        start.Environment["Worker__ApiKey"] = "";
        start.Environment["Data__Directory"] = folder.Combine("data");
        start.Environment["Corpus__Path"] = folder.Combine("corpus");
        start.Environment["LanguageModels__Embeddings__Provider"] = "None";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var worker = Process.Start(start)!;
        var output = worker.StandardOutput.ReadToEndAsync(Ct);
        var error = worker.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await worker.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            worker.Kill(entireProcessTree: true);
            throw;
        }

        var all = await output + await error;
        Assert.Equal(1, worker.ExitCode);
        Assert.Contains("kein API-Schlüssel", all, StringComparison.Ordinal);
        Assert.Contains("Worker__ApiKey", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_KeepsRequestUrlsOutOfItsInformationLog()
    {
        await using var host = new WorkerHost();
        using var client = host.CreateAuthorizedClient();

        using var response = await client.GetAsync("/api/reindex/status?vertraulich=geheimer-wert", Ct);

        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Level >= LogLevel.Information && entry.All.Contains("vertraulich", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Level >= LogLevel.Information && entry.All.Contains("/api/reindex/status", StringComparison.Ordinal));
    }
}
