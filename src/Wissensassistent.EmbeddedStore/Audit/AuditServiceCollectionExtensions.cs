using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wissensassistent.Core.Audit;
using Wissensassistent.EmbeddedStore.DataFolders;

namespace Wissensassistent.EmbeddedStore.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="SqliteAuditTrail"/> as <see cref="IAuditTrail"/> (unless another is registered) and the options of the
    /// section <c>Audit</c>.
    /// </summary>
    public static IServiceCollection AddSqliteAuditTrail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataFolder();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SqliteAuditTrail>();
        services.TryAddSingleton<IAuditTrail>(provider => provider.GetRequiredService<SqliteAuditTrail>());
        return services;
    }
}
