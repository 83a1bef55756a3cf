using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Ingestion.Chunking;

namespace Wissensassistent.Ingestion.Tests;

/// <summary>Parses every file of the real corpus and checks invariants that must hold for all of them.</summary>
public sealed partial class WholeCorpusTests
{
    private static readonly Lazy<CorpusRun> Run = new(ParseAll);

    [Fact]
    public void EveryFile_ParsesWithoutRejection_AndYieldsChunks()
    {
        var run = Run.Value;

        Assert.Empty(run.Rejected);
        Assert.Equal(run.Files, run.Documents.Count);
        Assert.All(run.Documents, d => Assert.NotEmpty(d.Batch.Chunks));
        Report(run);
    }

    [Fact]
    public void NoChunk_HasEmptyTextOrExceedsTheBudget()
    {
        var chunks = Run.Value.Documents.SelectMany(d => d.Batch.Chunks).ToList();

        Assert.All(chunks, c => Assert.False(string.IsNullOrWhiteSpace(c.Text), $"{c.DocumentId} {c.Citation}"));
        Assert.All(chunks, c => Assert.True(TokenCounter.Count(c.Text) <= new ChunkingOptions().MaxTokens, $"{c.DocumentId} {c.Citation}"));
    }

    [Fact]
    public void NoChunk_StraddlesTwoNorms()
    {
        // Every § / Art. chunk must come from the source between its own norm heading and the next norm heading.
        foreach (var document in Run.Value.Documents.Where(d => d.Batch.Document.Id.EndsWith(".md", StringComparison.Ordinal)))
        {
            var sections = NormSections(Corpus.ReadText(document.Batch.Document.Id));
            // A repealed norm without body gets "(weggefallen)" from its heading; nothing to locate there.
            foreach (var chunk in document.Batch.Chunks.Where(c => c.Citation.Kind is NormKind.Paragraph or NormKind.Article && !(c.IsRepealed && c.Text == "(weggefallen)")))
            {
                var heading = Letters(chunk.HeadingPath[^1]);
                Assert.True(sections.TryGetValue(heading, out var bodies), $"{chunk.DocumentId}: heading of {chunk.Citation} not found");
                // Line by line: table parts repeat their header row, so the part as a whole is not contiguous.
                var lines = chunk.Text.Split('\n').Select(Letters).Where(l => l.Length > 0).ToList();
                Assert.True(
                    bodies.Any(b => lines.All(l => b.Contains(l, StringComparison.Ordinal))),
                    $"{chunk.DocumentId}: {chunk.Citation} part {chunk.Part} is not within its norm");
            }
        }
    }

    [Fact]
    public void LawNames_AreUniquePerDocumentFamily()
    {
        var byLaw = Run.Value.Documents.GroupBy(d => d.Batch.Document.Law, StringComparer.OrdinalIgnoreCase);

        foreach (var group in byLaw.Where(g => g.Count() > 1))
        {
            var families = group.Select(d => Family(d.Batch.Document.Id)).Distinct().ToList();
            Assert.True(families.Count == 1, $"'{group.Key}' is used by different texts: {string.Join(", ", group.Select(d => d.Batch.Document.Id))}");
            Assert.Single(group.Select(d => d.Batch.Document.Title).Distinct());
        }
    }

    [Fact]
    public void EveryStatute_HasAStand_AndEveryDocumentAnIssuer()
    {
        // Some Landkreis texts state no Stand at all; federal and state law always do.
        var statutes = Run.Value.Documents.Where(d => d.Batch.Document.Level is Core.Documents.Level.Bund or Core.Documents.Level.Land);
        Assert.All(statutes, d => Assert.False(string.IsNullOrWhiteSpace(d.Batch.Document.Stand), d.Batch.Document.Id));
        Assert.All(Run.Value.Documents, d => Assert.False(string.IsNullOrWhiteSpace(d.Batch.Document.Issuer), d.Batch.Document.Id));
    }

    private static CorpusRun ParseAll()
    {
        var files = Corpus.Files().ToList();
        var parser = new CorpusDocumentParser(LawCatalog.Load(Corpus.Root), new ChunkingOptions());
        var documents = new List<ParsedDocument>();
        var rejected = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var file in files)
        {
            try
            {
                documents.Add(parser.Parse(file, Corpus.Read(file)));
            }
            catch (DocumentRejectedException ex)
            {
                rejected.Add($"{file}: {ex.Reason}");
            }
        }

        return new CorpusRun(files.Count, documents, rejected, watch.Elapsed);
    }

    private static void Report(CorpusRun run)
    {
        var chunks = run.Documents.SelectMany(d => d.Batch.Chunks).ToList();
        var norms = chunks.Where(c => c.Citation.Kind != NormKind.Section).Select(c => c.Citation.NormKey).Distinct().Count();
        var repealed = chunks.Where(c => c.IsRepealed).Select(c => c.Citation.NormKey).Distinct().Count();
        var laws = run.Documents.Select(d => d.Batch.Document.Law).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var report = new StringBuilder()
            .AppendLine($"Corpus: {run.Documents.Count} documents, {laws} laws, {norms} norms, {chunks.Count} chunks, {repealed} repealed norms")
            .AppendLine($"Split parts: {chunks.Count(c => c.Part > 0)}, section chunks: {chunks.Count(c => c.Citation.Kind == NormKind.Section)}, parse time {run.Elapsed.TotalSeconds:0.0} s")
            .ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
    }

    /// <summary>Norm heading (letters and digits only) → the source text below it up to the next norm heading.</summary>
    private static Dictionary<string, List<string>> NormSections(string markdown)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lines = markdown.Split('\n');
        string? current = null;
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            var heading = HeadingLine().Match(line);
            if (heading.Success && NormHeading().IsMatch(heading.Groups[1].Value))
            {
                Flush();
                current = Letters(heading.Groups[1].Value);
                continue;
            }

            body.Append(line).Append('\n');
        }

        Flush();
        return result;

        void Flush()
        {
            if (current is not null)
            {
                if (!result.TryGetValue(current, out var list))
                {
                    result[current] = list = [];
                }

                list.Add(Letters(LineBreakTag().Replace(body.ToString(), " ")));
            }

            body.Clear();
        }
    }

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());

    private static string Family(string documentId)
    {
        var name = Path.GetFileNameWithoutExtension(documentId);
        return Path.GetDirectoryName(documentId) + "/" + FamilyPart().Replace(name, string.Empty);
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^(\*\*)?(\(X+\)\s*)?(§|Art\b|Art\.|Artikel)")]
    private static partial Regex NormHeading();

    [GeneratedRegex(@"[_\s-]*(TEIL|Teil|Anhang)[_\s-].*$")]
    private static partial Regex FamilyPart();

    private sealed record CorpusRun(int Files, IReadOnlyList<ParsedDocument> Documents, IReadOnlyList<string> Rejected, TimeSpan Elapsed);
}
