using Wissensassistent.Ingestion.Markdown;
using Wissensassistent.Ingestion.Outline;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>A document read as far as its family parser needs: front matter and outline.</summary>
internal sealed record ReadDocument(FrontMatter FrontMatter, DocumentOutline Outline)
{
    public static ReadDocument From(DocumentSource source, List<string> warnings, Func<FrontMatter, string?> knownTitle)
    {
        var lines = source.Markdown.Split('\n');
        var (frontMatter, bodyStart) = source.HasFrontMatter ? FrontMatterReader.Read(lines, warnings) : (FrontMatter.None, 0);
        var elements = MarkdownBlockScanner.Scan(lines, bodyStart);
        var outline = OutlineReader.Read(elements, knownTitle(frontMatter) ?? source.TitleHint);
        warnings.AddRange(OutlineWarnings.For(outline));
        return new ReadDocument(frontMatter, outline);
    }

    public string? Field(string key) => Outline.Fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
