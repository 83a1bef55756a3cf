using System.Text;
using System.Text.RegularExpressions;

namespace Wissensassistent.Ingestion.Formats;

/// <summary>
/// Gives plain text (text files, PDF text layers, DOCX without heading styles) the Markdown shape the outline reader
/// understands: norm and structural lines become headings, and Absätze and numbered lines start new blocks.
/// </summary>
internal static partial class PlainTextOutliner
{
    private const int MaxHeadingLength = 120;

    public static string ToMarkdown(string text)
    {
        var output = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                output.Append('\n');
                continue;
            }

            if (HeadingLevel(trimmed) is { } level)
            {
                output.Append('\n').Append('#', level).Append(' ').Append(trimmed).Append("\n\n");
                continue;
            }

            if (BlockStart().IsMatch(trimmed))
            {
                output.Append('\n');
            }

            output.Append(trimmed).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>Heading level for a line that reads as a norm (2) or structural (1) heading; null for prose.</summary>
    public static int? HeadingLevel(string line)
    {
        if (line.Length > MaxHeadingLength || line.StartsWith('#') || EndsLikeSentence().IsMatch(line))
        {
            return null;
        }

        if (NormLine().IsMatch(line))
        {
            return 2;
        }

        return StructuralLine().IsMatch(line) ? 1 : null;
    }

    [GeneratedRegex(@"^(§§?\s*\d+[a-z]?|Art\.?\s*\d+[a-z]?|Artikel\s+\d+[a-z]?)(\s+[-–]?\s*\S.*|\s*)$")]
    private static partial Regex NormLine();

    [GeneratedRegex(@"^((Erst|Zweit|Dritt|Viert|Fünft|Sechst|Siebt|Acht|Neunt|Zehnt)\w*\s+|[IVX]+\.\s+|\d{1,2}\.\s+)?(Teil|Abschnitt|Kapitel|Unterabschnitt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StructuralLine();

    [GeneratedRegex(@"[.;,:]$")]
    private static partial Regex EndsLikeSentence();

    [GeneratedRegex(@"^(\(\d{1,3}[a-z]?\)\s|\d{1,3}(\.\d{1,3})*\.?\s|[a-z]{1,2}\)\s|[-•–]\s)")]
    private static partial Regex BlockStart();
}
