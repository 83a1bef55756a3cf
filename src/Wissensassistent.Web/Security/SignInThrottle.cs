using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Wissensassistent.Web.Security;

/// <summary>
/// Throttles posted sign-ins and password changes per client address (ASP.NET Core rate limiting): at most
/// <see cref="SignInOptions.SignInAttemptsPerMinute"/> a minute, then HTTP 429 with a German note. Loading the form is
/// never throttled. Pages opt in with <c>[EnableRateLimiting(SignInThrottle.PolicyName)]</c>. Behind a reverse proxy the
/// client address comes from <c>X-Forwarded-For</c> (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).
/// </summary>
public static class SignInThrottle
{
    public const string PolicyName = "anmelden";

    public const string RejectedMessage = "Zu viele Anmeldeversuche von diesem Gerät. Bitte in einer Minute erneut versuchen.";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The client a sign-in comes from: its remote address (IPv4-mapped addresses as IPv4).</summary>
    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unbekannt";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>Adds the policy; its own rejection handler answers, so other policies keep theirs.</summary>
    public static void Configure(RateLimiterOptions limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        limiter.AddPolicy<string, Policy>(PolicyName);
    }

    private sealed class Policy(IOptions<SignInOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, cancellationToken) =>
        {
            var response = rejected.HttpContext.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(RejectedMessage, cancellationToken).ConfigureAwait(false);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            if (!HttpMethods.IsPost(httpContext.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var permits = options.Value.SignInAttemptsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ClientKey(httpContext), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
    }
}
