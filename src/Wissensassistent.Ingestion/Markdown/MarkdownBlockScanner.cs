using System.Text;
using System.Text.RegularExpressions;

namespace Wissensassistent.Ingestion.Markdown;

/// <summary>
/// Splits a Markdown body into blocks. Understands what the corpus uses: ATX headings, hard-wrapped paragraphs,
/// numbered/lettered/bulleted lists (pandoc style with indented continuation lines), pipe tables, pandoc's nested
/// bullet tables (<c>*    *   cell</c>), definition-list metadata and footnote definitions (dropped).
/// </summary>
internal static partial class MarkdownBlockScanner
{
    public static IReadOnlyList<MarkdownElement> Scan(IReadOnlyList<string> lines, int start = 0)
    {
        var result = new List<MarkdownElement>();
        var paragraph = new StringBuilder();
        ListItemDraft? item = null;
        List<string>? row = null;
        var listIndents = new List<int>();
        var previousBlank = true;

        void Flush()
        {
            if (paragraph.Length > 0)
            {
                AddParagraph(result, paragraph.ToString());
                paragraph.Clear();
            }

            if (item is not null)
            {
                var text = MarkdownInline.Clean(item.Text.ToString());
                result.Add(new ListItemElement(item.Marker, text, item.Depth));
                item = null;
            }

            if (row is not null)
            {
                result.Add(new TableRowElement(row.Select(MarkdownInline.Clean).ToList(), false));
                row = null;
            }
        }

        for (var i = start; i < lines.Count; i++)
        {
            var raw = lines[i];
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
            {
                if (paragraph.Length > 0)
                {
                    Flush();
                }

                previousBlank = true;
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;

            // A pandoc bullet table row keeps its cells across blank lines.
            if (row is not null)
            {
                var cell = BulletTableCell().Match(line);
                if (cell.Success)
                {
                    row.Add(cell.Groups[1].Value);
                    previousBlank = false;
                    continue;
                }

                if (indent >= 6)
                {
                    row[^1] += " " + line.Trim();
                    previousBlank = false;
                    continue;
                }
            }

            var heading = Heading().Match(line);
            if (heading.Success && indent < 4)
            {
                Flush();
                listIndents.Clear();
                result.Add(new HeadingElement(heading.Groups[1].Length, MarkdownInline.Clean(heading.Groups[2].Value)));
                previousBlank = true;
                continue;
            }

            if (FootnoteDefinition().IsMatch(line))
            {
                Flush();
                i++;
                while (i < lines.Count && (lines[i].Trim().Length == 0 || char.IsWhiteSpace(lines[i][0])))
                {
                    i++;
                }

                i--;
                previousBlank = true;
                continue;
            }

            if (indent == 0 && paragraph.Length == 0 && item is null && i + 1 < lines.Count && DefinitionValue().IsMatch(lines[i + 1]))
            {
                Flush();
                var key = MarkdownInline.Clean(line);
                var value = new StringBuilder(DefinitionValue().Match(lines[i + 1]).Groups[1].Value.Trim());
                i += 2;
                while (i < lines.Count && lines[i].Length > 0 && char.IsWhiteSpace(lines[i][0]) && lines[i].Trim().Length > 0)
                {
                    value.Append(' ').Append(lines[i].Trim());
                    i++;
                }

                i--;
                result.Add(new DefinitionElement(key, MarkdownInline.Clean(value.ToString())));
                previousBlank = true;
                continue;
            }

            if (ThematicBreak().IsMatch(line))
            {
                Flush();
                listIndents.Clear();
                result.Add(new ThematicBreakElement());
                previousBlank = true;
                continue;
            }

            var tableRow = BulletTableRow().Match(line);
            if (tableRow.Success && indent == 0)
            {
                Flush();
                row = [tableRow.Groups[1].Value];
                previousBlank = false;
                continue;
            }

            if (PipeTableLine().IsMatch(line))
            {
                Flush();
                if (PipeTableSeparator().IsMatch(line))
                {
                    if (result.Count > 0 && result[^1] is TableRowElement header)
                    {
                        result[^1] = header with { IsHeader = true };
                    }
                }
                else
                {
                    result.Add(new TableRowElement(SplitPipeRow(line).Select(MarkdownInline.Clean).ToList(), false));
                }

                previousBlank = false;
                continue;
            }

            var marker = ListMarker().Match(line);
            if (marker.Success && StartsListItem(marker, previousBlank, paragraph, item))
            {
                Flush();
                var depth = DepthOf(listIndents, indent);
                item = new ListItemDraft(NormaliseMarker(marker.Groups["marker"].Value), depth);
                item.Text.Append(marker.Groups["text"].Value);
                previousBlank = false;
                continue;
            }

            if (item is not null && (!previousBlank || indent >= 2))
            {
                item.Text.Append(' ').Append(line.Trim());
                previousBlank = false;
                continue;
            }

            if (item is not null || row is not null)
            {
                Flush();
            }

            if (indent == 0)
            {
                listIndents.Clear();
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(line.Trim());
            previousBlank = false;

            // A Markdown hard break ends the line: metadata blocks and signatures are written that way.
            if (raw.EndsWith("  ", StringComparison.Ordinal) || raw.EndsWith('\\'))
            {
                Flush();
            }
        }

        Flush();
        return result;
    }

    private static bool StartsListItem(Match marker, bool previousBlank, StringBuilder paragraph, ListItemDraft? item)
    {
        if (previousBlank || (paragraph.Length == 0 && item is null) || item is not null)
        {
            return true;
        }

        // Pandoc aligns item text with two spaces after short markers; wrapped prose never does.
        if (marker.Groups["gap"].Value.Length >= 2)
        {
            return true;
        }

        return paragraph.Length > 0 && paragraph[^1] == ':';
    }

    private static int DepthOf(List<int> indents, int indent)
    {
        while (indents.Count > 0 && indents[^1] > indent)
        {
            indents.RemoveAt(indents.Count - 1);
        }

        if (indents.Count == 0 || indents[^1] < indent)
        {
            indents.Add(indent);
        }

        return indents.Count - 1;
    }

    private static void AddParagraph(List<MarkdownElement> result, string text)
    {
        // Navigation notes between the parts of a split file ("Fortsetzung in [[…]]") are not content.
        if (text.Contains("[[", StringComparison.Ordinal))
        {
            return;
        }

        var cleaned = MarkdownInline.Clean(text);
        if (cleaned.Length > 0)
        {
            var raw = text.Trim().TrimEnd(':').TrimEnd();
            var emphasized = raw.StartsWith("**", StringComparison.Ordinal) && (raw.EndsWith("**", StringComparison.Ordinal) || raw.EndsWith("**:", StringComparison.Ordinal));
            result.Add(new ParagraphElement(cleaned, emphasized));
        }
    }

    private static string NormaliseMarker(string marker) => marker.Replace("\\", string.Empty, StringComparison.Ordinal);

    private static IEnumerable<string> SplitPipeRow(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Split('|');
    }

    private sealed class ListItemDraft(string marker, int depth)
    {
        public string Marker { get; } = marker;

        public int Depth { get; } = depth;

        public StringBuilder Text { get; } = new();
    }

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\[\^[^\]]+\]:")]
    private static partial Regex FootnoteDefinition();

    [GeneratedRegex(@"^:\s+(.*)$")]
    private static partial Regex DefinitionValue();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\*\s+\*\s+(.*)$")]
    private static partial Regex BulletTableRow();

    [GeneratedRegex(@"^ {2,5}\*\s+(.*)$")]
    private static partial Regex BulletTableCell();

    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex PipeTableLine();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex PipeTableSeparator();

    [GeneratedRegex(@"^(?<indent>\s*)(?<marker>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[a-z]{0,2}\.|\d{1,3}\\\.|\d{1,3}\)|[a-z]{1,3}\)|[-*+•–])(?<gap>\s+)(?<text>\S.*)$")]
    private static partial Regex ListMarker();
}
