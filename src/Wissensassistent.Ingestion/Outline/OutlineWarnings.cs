using Wissensassistent.Core.Citations;

namespace Wissensassistent.Ingestion.Outline;

/// <summary>
/// German warnings about a document's norms that the outline keeps as they are but a reader of the ingestion
/// report must know about. Nothing is renumbered or merged here, so chunk ids (source, citation, ordinal) stay as
/// they were:
/// <list type="bullet">
/// <item>A § or Art. number that occurs under more than one heading: every text is kept under that citation, so
/// <c>show</c> and <c>/norm</c> list them together; the source needs its numbering fixed.</item>
/// <item>A norm heading without text (and not marked as repealed): there is nothing to index, so it has no chunk.</item>
/// </list>
/// </summary>
internal static class OutlineWarnings
{
    public static IEnumerable<string> For(DocumentOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var duplicates = outline.Units
            .Where(u => u.Kind is NormKind.Paragraph or NormKind.Article)
            .GroupBy(u => (u.Kind, Section: u.Section.ToLowerInvariant()))
            .Select(g => g.GroupBy(u => u.NormIndex).Select(norm => norm.First()).ToList())
            .Where(norms => norms.Count > 1);
        foreach (var norms in duplicates)
        {
            var label = Label(norms[0]);
            var headings = string.Join(", ", norms.Select(n => $"„{n.Headings[^1]}“"));
            yield return $"{label} kommt in der Datei {norms.Count}-mal vor ({headings}); alle Texte stehen unter {label} und werden dort zusammen angezeigt. Bitte die Nummerierung in der Quelle prüfen.";
        }

        foreach (var heading in outline.EmptyNormHeadings)
        {
            yield return $"Die Überschrift „{heading}“ hat keinen Text; die Norm wird nicht aufgenommen. Ist sie weggefallen, bitte „(weggefallen)“ ergänzen.";
        }
    }

    private static string Label(TextUnit unit) => unit.Kind == NormKind.Article ? $"Art. {unit.Section}" : $"§ {unit.Section}";
}
