using System.Collections.Concurrent;
using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Ingestion.Tests;

/// <summary>The real corpus of the repository, parsed once per test run and shared by the tests that read it.</summary>
internal static class Corpus
{
    private static readonly Lazy<CorpusDocumentParser> SharedParser = new(() => new CorpusDocumentParser(LawCatalog.Load(Root), new ChunkingOptions()));
    private static readonly ConcurrentDictionary<string, Lazy<ParsedDocument>> Parsed = new(StringComparer.Ordinal);

    public static string Root => Testing.RepositoryRoot.Corpus;

    public static CorpusDocumentParser Parser => SharedParser.Value;

    public static ParsedDocument Parse(string relativePath) =>
        Parsed.GetOrAdd(relativePath, path => new Lazy<ParsedDocument>(() => Parser.Parse(path, Read(path)))).Value;

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static IEnumerable<string> Files() =>
        Pipeline.CorpusScanner.Scan(Root)
            .Select(f => f.RelativePath)
            .Where(f => CorpusDocumentParser.SupportedExtensions.Contains(Path.GetExtension(f)));

    public static Chunk Single(ParsedDocument document, string citation) =>
        Assert.Single(document.Batch.Chunks, c => c.Citation.ToString() == citation);
}
