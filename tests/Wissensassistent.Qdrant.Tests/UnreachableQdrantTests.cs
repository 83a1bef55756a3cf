using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant.Tests;

/// <summary>Real gRPC calls to a closed port on this machine: the store must give up with a German message, not hang.</summary>
public sealed class UnreachableQdrantTests : IDisposable
{
    private readonly QdrantConnection _connection;
    private readonly string _address;

    public UnreachableQdrantTests()
    {
        var port = ClosedPort();
        _address = $"http://127.0.0.1:{port}";
        _connection = new QdrantConnection(Options.Create(new QdrantStoreOptions
        {
            Url = _address,
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RequestTimeout = TimeSpan.FromSeconds(3),
        }));
    }

    [Fact]
    public async Task Store_WhenQdrantIsDown_ThrowsGermanUnavailableMessage()
    {
        var store = new QdrantKnowledgeStore(_connection, new QdrantGenerations(_connection), new LowercaseWordAnalyzer());

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(
            () => store.SearchLexicalAsync(TestCorpus.Query("außenbereich"), SearchFilter.None, 5, TestContext.Current.CancellationToken));

        Assert.Equal($"Qdrant unter {_address} nicht erreichbar. Bitte prüfen, ob der Dienst läuft und Qdrant:Url stimmt.", error.Message);
        Assert.IsAssignableFrom<KnowledgeStoreUnavailableException>(error); // what the CLI and the web pages catch
    }

    [Fact]
    public async Task Generations_WhenQdrantIsDown_ThrowsGermanUnavailableMessage()
    {
        var generations = new QdrantGenerations(_connection);

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(
            () => generations.SwitchAliasAsync("wissen_g1", TestContext.Current.CancellationToken));

        Assert.StartsWith($"Qdrant unter {_address} nicht erreichbar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_WhenQdrantIsDown_IsUnhealthyWithGermanDescription()
    {
        var check = new QdrantHealthCheck(_connection);
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("qdrant", check, HealthStatus.Unhealthy, ["ready"]),
        };

        var result = await check.CheckHealthAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith($"Qdrant unter {_address} nicht erreichbar", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void BackoffDelay_DoublesPerAttempt_AndIsCapped()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), _connection.BackoffDelay(1));
        Assert.Equal(TimeSpan.FromMilliseconds(20), _connection.BackoffDelay(2));
        Assert.Equal(TimeSpan.FromMilliseconds(40), _connection.BackoffDelay(3));
        Assert.Equal(TimeSpan.FromSeconds(30), _connection.BackoffDelay(40));
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>A port that was free a moment ago: bind to port 0, read the port, release it.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
