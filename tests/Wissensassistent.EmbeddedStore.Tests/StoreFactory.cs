using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Text;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

internal static class StoreFactory
{
    public static EmbeddedKnowledgeStore Open(string directory, ITextAnalyzer? analyzer = null, double k1 = 1.2, double b = 0.75, int approximateVectorsFrom = 200_000, Action<EmbeddedStoreOptions>? configure = null)
    {
        var options = new EmbeddedStoreOptions { StoreDirectory = directory, Bm25K1 = k1, Bm25B = b, ApproximateVectorsFrom = approximateVectorsFrom };
        configure?.Invoke(options);
        return new(Options.Create(options), analyzer ?? new SimpleTextAnalyzer(), NullLogger<EmbeddedKnowledgeStore>.Instance);
    }
}
