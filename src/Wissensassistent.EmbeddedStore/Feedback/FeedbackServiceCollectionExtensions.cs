using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wissensassistent.Core.Feedback;
using Wissensassistent.EmbeddedStore.DataFolders;

namespace Wissensassistent.EmbeddedStore.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqliteFeedbackStore"/> unless another <see cref="IFeedbackStore"/> is registered.</summary>
    public static IServiceCollection AddSqliteFeedbackStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataFolder();
        services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        return services;
    }
}
