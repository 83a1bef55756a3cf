using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Wissensassistent.Qdrant;

/// <summary>
/// The one gRPC channel to Qdrant, shared by store, generations and health check. Every call carries a deadline
/// (<see cref="QdrantStoreOptions.RequestTimeout"/>) and is retried with exponential backoff on Unavailable and
/// DeadlineExceeded; after the last attempt a <see cref="QdrantUnavailableException"/> with a German message is thrown.
/// </summary>
public sealed class QdrantConnection : IDisposable
{
    private readonly QdrantChannel _channel;
    private readonly ILogger _logger;

    public QdrantConnection(IOptions<QdrantStoreOptions> options, ILogger<QdrantConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _logger = logger ?? NullLogger<QdrantConnection>.Instance;
        Address = new Uri(Options.Url, UriKind.Absolute);

        var configuration = new ClientConfiguration
        {
            ApiKey = string.IsNullOrEmpty(Options.ApiKey) ? null : Options.ApiKey,
            CertificateThumbprint = string.IsNullOrEmpty(Options.CertificateThumbprint) ? null : Options.CertificateThumbprint,
        };
        _channel = QdrantChannel.ForAddress(Address, configuration);

        // The client's own logger stays silent: failures are logged here once, with retry context.
        Client = new QdrantClient(new QdrantGrpcClient(_channel), Options.RequestTimeout);
    }

    public QdrantStoreOptions Options { get; }

    /// <summary>The server address as configured.</summary>
    public Uri Address { get; }

    /// <summary>Scheme, host and port only: what messages and logs show.</summary>
    public string DisplayAddress => $"{Address.Scheme}://{Address.Host}:{Address.Port}";

    /// <summary>The raw client for operations this project does not wrap; calls made directly are not retried.</summary>
    public QdrantClient Client { get; }

    /// <summary>The German message for an unreachable server.</summary>
    public string UnreachableMessage =>
        $"Qdrant unter {DisplayAddress} nicht erreichbar. Bitte prüfen, ob der Dienst läuft und Qdrant:Url stimmt.";

    public Task ExecuteAsync(string operation, Func<QdrantClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        ExecuteAsync<bool>(
            operation,
            async (client, ct) =>
            {
                await call(client, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public async Task<T> ExecuteAsync<T>(string operation, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var attempts = Options.MaxRetries + 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(Client, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= attempts)
                {
                    QdrantLog.Unreachable(_logger, DisplayAddress, operation, attempts, ex.StatusCode.ToString(), ex.Status.Detail);
                    throw new QdrantUnavailableException(UnreachableMessage, ex);
                }

                var delay = BackoffDelay(attempt);
                QdrantLog.RetryingCall(_logger, operation, ex.StatusCode.ToString(), attempt, attempts, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Delay before the next attempt: base, 2×base, 4×base … capped at 30 seconds.</summary>
    internal TimeSpan BackoffDelay(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(Options.RetryBaseDelay.Ticks * factor, TimeSpan.FromSeconds(30).Ticks));
        return delay;
    }

    internal static bool IsTransient(RpcException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    public void Dispose()
    {
        Client.Dispose();
        _channel.Dispose();
    }
}
