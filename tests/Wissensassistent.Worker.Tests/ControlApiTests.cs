using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Wissensassistent.Worker.Tests;

public sealed class ControlApiTests : IAsyncLifetime
{
    private readonly WorkerHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("POST", "/api/reindex?mode=full", null)]
    [InlineData("POST", "/api/reindex/cancel", null)]
    [InlineData("GET", "/api/reindex/status", null)]
    [InlineData("GET", "/api/reindex/history", "wrong-key-0123456789abcdef")]
    [InlineData("POST", "/api/reindex", "test-key-0123456789abcdeX")]
    public async Task ControlEndpoints_WithoutOrWithWrongKey_Return401(string method, string path, string? key)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            request.Headers.Add(ApiKeyEndpointFilter.HeaderName, key);
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(_host.Reindex.Active);
    }

    [Fact]
    public async Task Start_WhileRunning_Returns409_ThenRunFinishesAndShowsInStatusAndHistory()
    {
        _host.Gate.IsClosed = true;
        using var client = _host.CreateAuthorizedClient();

        using var started = await client.PostAsync("/api/reindex?mode=full", null, Ct);
        var run = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await _host.Gate.Entered.WaitAsync(Ct);
        using var second = await client.PostAsync("/api/reindex?mode=incremental", null, Ct);
        var running = await client.GetFromJsonAsync<JsonElement>("/api/reindex/status", Ct);
        _host.Gate.Release();
        var finished = await _host.WaitForIdleAsync();
        var history = await client.GetFromJsonAsync<JsonElement>("/api/reindex/history", Ct);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("Full", run.GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("läuft bereits", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(run.GetProperty("id").GetString(), running.GetProperty("active").GetProperty("id").GetString());
        Assert.Equal("Running", running.GetProperty("active").GetProperty("outcome").GetString());
        Assert.Equal(run.GetProperty("id").GetString(), finished.Id);
        Assert.Equal(Ingestion.Reindexing.ReindexOutcome.Succeeded, finished.Outcome);
        Assert.Equal(finished.Id, history[0].GetProperty("id").GetString());
        Assert.Equal("Succeeded", history[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Start_WithUnknownMode_Returns400()
    {
        using var client = _host.CreateAuthorizedClient();

        using var response = await client.PostAsync("/api/reindex?mode=sometimes", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(_host.Reindex.Active);
    }

    [Fact]
    public async Task Cancel_WhenIdle_Returns409()
    {
        using var client = _host.CreateAuthorizedClient();

        using var response = await client.PostAsync("/api/reindex/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Health_IsReachableWithoutKey_AndHealthyWhenIdle()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public void Worker_WithoutKey_IsRefusedWithGermanReason()
    {
        // How the process stops with it: WorkerStartupTests.
        var result = new WorkerOptionsValidator().Validate(null, new WorkerOptions { ApiKey = "" });

        Assert.True(result.Failed);
        Assert.Contains("kein API-Schlüssel", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Worker:AllowAnonymousOnLoopback", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_WithoutKey_StartsWhenAnonymousLoopbackIsAllowed_ButRejectsUnknownRemotes()
    {
        await using var host = new WorkerHost(new Dictionary<string, string?> { ["Worker:ApiKey"] = "", ["Worker:AllowAnonymousOnLoopback"] = "true" });
        using var client = host.CreateClient();

        // The test server has no remote address: not provably loopback, so not anonymous.
        using var response = await client.GetAsync("/api/reindex/status", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
