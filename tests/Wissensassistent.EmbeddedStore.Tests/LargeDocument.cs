using System.Globalization;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>A synthetic document with many chunks, to make a write take long enough to interrupt it.</summary>
internal static class LargeDocument
{
    /// <summary>A word only the large document contains.</summary>
    public const string MarkerTerm = "grossbatchmarker";

    public static DocumentBatch Create(int chunks, string id = "bund/gross.md")
    {
        var document = new SourceDocument
        {
            Id = id,
            Law = "GrossG",
            Title = "Großes Testgesetz",
            Level = Level.Bund,
            Type = DocumentType.Gesetz,
            ContentHash = ChunkId.ContentHash(id),
        };
        var random = new Random(42);
        var words = Enumerable.Range(0, 5000).Select(i => "wort" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var list = new List<Chunk>(chunks);
        for (var i = 0; i < chunks; i++)
        {
            var text = MarkerTerm + " " + string.Join(' ', Enumerable.Range(0, 80).Select(_ => words[random.Next(words.Length)]));
            list.Add(SampleCorpus.CreateChunk(
                document,
                SampleCorpus.Paragraph("GrossG", (i / 3 + 1).ToString(CultureInfo.InvariantCulture), (i % 3 + 1).ToString(CultureInfo.InvariantCulture)),
                i,
                text,
                "Testnorm",
                ["Erster Teil"]));
        }

        return new DocumentBatch(document, list);
    }
}
