using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>
/// Internal guidelines and anything outside the known corpus folders (Dienstanweisungen, Verwaltungsvorschriften,
/// converted DOCX/PDF/text files): the structure comes from headings and numbering, the name from the title.
/// </summary>
internal sealed class GuidelineParser(Level level) : IDocumentFamilyParser
{
    private const int MaxLawNameLength = 60;

    public DocumentStructure Parse(DocumentSource source, List<string> warnings)
    {
        var read = ReadDocument.From(source, warnings, fm => fm.Get("titel") ?? fm.Get("title"));
        var frontMatter = read.FrontMatter;
        var fileTitle = source.FileStem.Replace('_', ' ').Replace('-', ' ').Trim();
        var title = frontMatter.Get("titel") ?? frontMatter.Get("title") ?? source.TitleHint ?? read.Outline.TitleHeading ?? fileTitle;
        var law = title.Length <= MaxLawNameLength ? title : fileTitle;
        var aliases = title.Equals(law, StringComparison.OrdinalIgnoreCase) ? Array.Empty<string>() : [title];
        var stand = read.Field("Stand") ?? frontMatter.Get("stand") ?? frontMatter.Get("gepflegt");
        var validFrom = GermanDates.Find(read.Field("Gültig ab")) ?? GermanDates.Find(frontMatter.Get("veroeffentlicht"));
        var type = DocumentTypeClassifier.Classify(title, frontMatter.GetList("tags"), source.FileStem);
        var issuer = frontMatter.Get("gueltigkeit") ?? frontMatter.Get("herausgeber");
        var description = new DocumentDescription(law, title, aliases, level, type, stand, validFrom, null, issuer);
        return new DocumentStructure(description, read.Outline.Units);
    }
}
