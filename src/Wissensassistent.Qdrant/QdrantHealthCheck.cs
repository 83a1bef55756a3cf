using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wissensassistent.Qdrant;

/// <summary>Reports whether Qdrant answers its health call (one attempt, bounded by the request deadline).</summary>
public sealed class QdrantHealthCheck : IHealthCheck
{
    private readonly QdrantConnection _connection;

    public QdrantHealthCheck(QdrantConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var reply = await _connection.Client.HealthAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                $"Qdrant {reply.Version} unter {_connection.DisplayAddress} erreichbar.",
                new Dictionary<string, object> { ["version"] = reply.Version, ["collection"] = _connection.Options.Collection });
        }
        catch (RpcException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, _connection.UnreachableMessage, ex);
        }
    }
}
