using System.Globalization;
using System.Text;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Audit;

public static class AuditEndpoints
{
    public const string ExportPath = "/admin/protokoll.csv";

    /// <summary><c>GET /admin/protokoll.csv</c> with the filters of <see cref="AuditFilter"/>: administrators only.</summary>
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ExportPath, ExportAsync).RequireAuthorization(Policies.AdminArea);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, IAuditTrail audit, TimeProvider clock)
    {
        var query = context.Request.Query;
        var filter = AuditFilter.Parse(
            query[AuditFilter.ActionParameter], query[AuditFilter.ActorParameter], query[AuditFilter.FromParameter], query[AuditFilter.UntilParameter]);
        var entries = await audit.QueryAsync(filter.ToQuery(AuditQuery.MaxLimit), context.RequestAborted).ConfigureAwait(false);
        var name = string.Create(CultureInfo.InvariantCulture, $"protokoll-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Encoding.UTF8.GetBytes(AuditCsv.Write(entries)), AuditCsv.ContentType, name);
    }
}
