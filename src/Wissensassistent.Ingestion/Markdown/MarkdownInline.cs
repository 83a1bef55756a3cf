using System.Text.RegularExpressions;

namespace Wissensassistent.Ingestion.Markdown;

/// <summary>Strips Markdown inline syntax so that the text reads as the source has it: <c>**(1)**</c> → <c>(1)</c>, <c>1\.</c> → <c>1.</c>.</summary>
internal static partial class MarkdownInline
{
    public static string Clean(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        text = FootnoteReference().Replace(text, string.Empty);
        text = WikiLink().Replace(text, "$1");
        text = Link().Replace(text, "$1");
        text = LineBreakTag().Replace(text, " ");
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        text = Escape().Replace(text, "$1");
        text = Whitespace().Replace(text, " ");
        return text.Trim();
    }

    [GeneratedRegex(@"\[\^[^\]\s]+\]")]
    private static partial Regex FootnoteReference();

    [GeneratedRegex(@"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]")]
    private static partial Regex WikiLink();

    [GeneratedRegex(@"(?<!!)\[([^\]]+)\]\((?:[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>~])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"[ \t\u00A0\u2007\u202F]+")]
    private static partial Regex Whitespace();
}
