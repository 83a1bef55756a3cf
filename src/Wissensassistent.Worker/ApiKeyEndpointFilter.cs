using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Worker;

/// <summary>
/// Guards the control endpoints with the key from <see cref="WorkerOptions.ApiKey"/> (header <c>X-Api-Key</c>). Keys are
/// compared as SHA-256 digests in constant time, so neither content nor length leaks through timing. The key is never logged.
/// </summary>
public sealed class ApiKeyEndpointFilter(IOptions<WorkerOptions> options) : IEndpointFilter
{
    public const string HeaderName = WorkerReindexControl.ApiKeyHeader;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var settings = options.Value;
        var http = context.HttpContext;
        var allowed = string.IsNullOrWhiteSpace(settings.ApiKey)
            ? settings.AllowAnonymousOnLoopback && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            : http.Request.Headers.TryGetValue(HeaderName, out var given) && given.Count == 1 && Matches(given[0] ?? string.Empty, settings.ApiKey);
        if (allowed)
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(Results.Problem(
            title: "Nicht berechtigt",
            detail: $"Fehlender oder falscher API-Schlüssel (Kopfzeile {HeaderName}).",
            statusCode: StatusCodes.Status401Unauthorized));
    }

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected.Trim())));
}
