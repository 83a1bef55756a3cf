using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

public sealed class EmbeddedKnowledgeStoreContractTests : KnowledgeStoreContractTests
{
    private readonly TemporaryDirectory _directory = new();
    private int _stores;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    protected override Task<IKnowledgeStore> CreateStoreAsync()
    {
        var folder = Path.Combine(_directory.Path, (++_stores).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult<IKnowledgeStore>(StoreFactory.Open(folder, Analyzer));
    }
}
