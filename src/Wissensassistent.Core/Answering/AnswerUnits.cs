using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Cuts a passage into <see cref="AnswerUnit"/>s with <see cref="GermanSentenceSplitter"/>: a line that opens a list (ends in
/// a colon, or runs on into numbered lines) takes the item lines that follow; a Markdown table row takes the table's header.
/// </summary>
public static partial class AnswerUnits
{
    public static IReadOnlyList<AnswerUnit> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var units = new List<AnswerUnit>();
        string? header = null;
        string? caption = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith('|'))
            {
                var row = TableRow(line);
                if (header is null)
                {
                    header = row;
                    caption = i > 0 && lines[i - 1].EndsWith(':') && units.Count > 0 && !units[^1].IsList && units[^1].Header is null ? units[^1].Parts[0] : null;
                }
                else if (row.Length > 0 && !SeparatorRow().IsMatch(line))
                {
                    units.Add(new AnswerUnit(units.Count, [row], header, units.Count == 0) { Caption = caption });
                }

                continue;
            }

            header = null;

            var sentences = GermanSentenceSplitter.SplitToStrings(line).Select(StripAbsatzLabel).Where(s => s.Length > 0).ToList();
            for (var s = 0; s < sentences.Count; s++)
            {
                var sentence = sentences[s];
                var last = s == sentences.Count - 1;
                if (last && OpensList(sentence) && i + 1 < lines.Count && IsItem(lines[i + 1]))
                {
                    var parts = new List<string> { sentence };
                    while (i + 1 < lines.Count && IsItem(lines[i + 1]))
                    {
                        parts.Add(lines[++i]);
                    }

                    // A list whose sentence runs on after its items ("Die Benachrichtigung muss 1. … 4. …, erkennen
                    // lassen.") takes the closing words into its last item, so that neither the list nor the closing words
                    // are quoted as a fragment; the closing line's further sentences stay sentences of their own.
                    if (i + 1 < lines.Count && ContinuesSentence(lines[i + 1])
                        && GermanSentenceSplitter.SplitToStrings(lines[i + 1]) is [var closing, ..])
                    {
                        parts[^1] = $"{parts[^1]} {closing}";
                        lines[i + 1] = lines[i + 1][(lines[i + 1].IndexOf(closing, StringComparison.Ordinal) + closing.Length)..].Trim();
                        if (lines[i + 1].Length == 0)
                        {
                            i++;
                        }
                    }

                    units.Add(new AnswerUnit(units.Count, parts, null, units.Count == 0));
                    break;
                }

                units.Add(new AnswerUnit(units.Count, [sentence], null, units.Count == 0));
            }
        }

        return units;
    }

    /// <summary>A line ending in a colon, or in no sentence end at all, before item lines.</summary>
    private static bool OpensList(string sentence) =>
        sentence.EndsWith(':') || !SentenceEnd().IsMatch(sentence);

    private static bool IsItem(string line) => ItemStart().IsMatch(line);

    /// <summary>A line that goes on with the sentence before it: it starts in lower case ("erkennen lassen.", "zu berücksichtigen.").</summary>
    private static bool ContinuesSentence(string line) => line.Length > 0 && char.IsLower(line[0]);

    private static string TableRow(string line) => line.Trim().Trim('|').Trim();

    private static string StripAbsatzLabel(string sentence) => AbsatzLabel().Replace(sentence, string.Empty).Trim();

    [GeneratedRegex(@"[.!?“”""«»)]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:\d{1,2}[a-z]?\.|\d{1,2}\)|[a-z]{1,2}\)|[-–•*])\s")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"^\|?\s*:?-{2,}")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"^\(\d+[a-z]?\)\s*")]
    private static partial Regex AbsatzLabel();
}
