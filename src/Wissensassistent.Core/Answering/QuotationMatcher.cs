using System.Text;
using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Finds quotations („…“, “…”, "…", »…«) and checks them against a passage. A quotation holds when it occurs verbatim,
/// case-sensitive, after folding whitespace and unifying typographic quote marks, apostrophes and dashes. An ellipsis
/// (<c>…</c>, <c>...</c>, <c>[…]</c>) marks an omission: the parts must then occur in order.
/// </summary>
public static partial class QuotationMatcher
{
    private static readonly string[] Ellipses = ["[…]", "[...]", "(…)", "(...)", "…", "..."];

    public static IReadOnlyList<Quotation> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quotations = new List<Quotation>();
        foreach (Match match in QuotationPattern().Matches(text))
        {
            var content = match.Groups["content"].Value;
            if (IsQuotable(content))
            {
                quotations.Add(new Quotation(match.Index, match.Length, content));
            }
        }

        return quotations;
    }

    /// <summary>Where the quotation starts in <see cref="Normalize"/>d <paramref name="passage"/>, or -1 when it does not occur.</summary>
    public static int IndexIn(string quotation, string passage)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        ArgumentNullException.ThrowIfNull(passage);
        var haystack = Normalize(passage);
        var fragments = Fragments(quotation);
        if (fragments.Count == 0)
        {
            return -1;
        }

        var first = -1;
        var from = 0;
        foreach (var fragment in fragments)
        {
            var index = IndexOfFragment(haystack, fragment, from);
            if (index < 0)
            {
                return -1;
            }

            if (first < 0)
            {
                first = index;
            }

            from = index + 1;
        }

        return first;
    }

    public static bool OccursIn(string quotation, string passage) => IndexIn(quotation, passage) >= 0;

    /// <summary>Folds whitespace and unifies quote marks, apostrophes and dashes; case and everything else stay.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00AD')
            {
                // Soft hyphens vanish with the line breaks they stood for; other space folds to one.
                pendingSpace |= c != '\u00AD';
                continue;
            }

            if (pendingSpace && sb.Length > 0)
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c switch
            {
                '„' or '“' or '”' or '»' or '«' or '″' => '"',
                '‚' or '‘' or '’' or '›' or '‹' or '´' or '`' => '\'',
                '–' or '—' or '‑' or '−' => '-',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static int IndexOfFragment(string haystack, string fragment, int from)
    {
        var index = haystack.IndexOf(fragment, from, StringComparison.Ordinal);
        if (index >= 0)
        {
            return index;
        }

        // German style often ends a quotation with the writer's own full stop or comma.
        var trimmed = fragment.TrimEnd('.', ',', ';', ':');
        return trimmed.Length > 0 && trimmed.Length < fragment.Length
            ? haystack.IndexOf(trimmed, from, StringComparison.Ordinal)
            : -1;
    }

    private static List<string> Fragments(string quotation)
    {
        var parts = new List<string> { Normalize(quotation) };
        foreach (var ellipsis in Ellipses)
        {
            parts = parts.SelectMany(part => part.Split(ellipsis)).ToList();
        }

        return parts.Select(part => part.Trim()).Where(part => part.Length > 0).ToList();
    }

    private static bool IsQuotable(string content) => Fragments(content).Count > 0;

    [GeneratedRegex("„(?<content>[^“”\"\n]+)[“”\"]|“(?<content>[^”“\n]+)”|\"(?<content>[^\"\n]+)\"|»(?<content>[^«»\n]+)«")]
    private static partial Regex QuotationPattern();
}
