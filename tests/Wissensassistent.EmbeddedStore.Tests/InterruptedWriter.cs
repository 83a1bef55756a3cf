using System.Runtime.CompilerServices;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>
/// A second mode of the test executable: started with <see cref="DatabaseVariable"/> set, it writes one large
/// transaction into that store instead of running tests, so that a test can kill it mid-write. A module
/// initializer runs before the test platform's entry point, which keeps this independent of how xunit starts.
/// </summary>
internal static class InterruptedWriter
{
    public const string DatabaseVariable = "WISSENSASSISTENT_TEST_WRITER_DATABASE";

    public const int Chunks = 20_000;

    [ModuleInitializer]
    internal static void RunWhenStartedAsWriter()
    {
        var directory = Environment.GetEnvironmentVariable(DatabaseVariable);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        Environment.Exit(Write(directory));
    }

    private static int Write(string directory)
    {
        using var store = StoreFactory.Open(directory);
        store.InitializeAsync().GetAwaiter().GetResult();

        // Replaces a stored document and adds a large one, all in one transaction.
        var changed = SampleCorpus.BauGBBatch with
        {
            Document = SampleCorpus.BauGB with { ContentHash = "changed" },
            Chunks = [.. SampleCorpus.BauGBBatch.Chunks.Select(chunk => chunk with { Text = "geaendert " + chunk.Text })],
        };
        var batch = new[] { changed, LargeDocument.Create(Chunks) };
        Console.WriteLine("writing");
        store.UpsertAsync(batch).GetAwaiter().GetResult();
        Console.WriteLine("committed");
        return 0;
    }
}
