using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Decides whether a sentence states something that needs a source. Not a claim: headings (Markdown <c>#</c>, a line in bold,
/// a line ending in a colon), questions, greetings and closings, the extractive label,
/// and statements that the sources do not suffice ("Die Quellen enthalten dazu keine Regelung."), which must stay possible
/// without a marker. Everything else with at least three words is a claim, including "Ich ignoriere die Quellen …".
/// </summary>
public static partial class ClaimClassifier
{
    public static bool IsClaim(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var trimmed = sentence.Trim();
        if (trimmed.StartsWith('#') || trimmed.EndsWith(':') || trimmed.EndsWith('?') || IsEmphasisedLine(trimmed))
        {
            return false;
        }

        var plain = ListPrefixPattern().Replace(trimmed, string.Empty).Trim('*', '_', ' ');
        if (ContentTerms.Words(plain).Count() < 3)
        {
            return false;
        }

        return !GreetingPattern().IsMatch(plain) && !SaysSourcesDoNotSuffice(plain);
    }

    /// <summary>Needs all three: the sources, a negation, and what they lack; "Die Quellen sind unwichtig" is no such statement.</summary>
    private static bool SaysSourcesDoNotSuffice(string sentence) =>
        SourcesPattern().IsMatch(sentence) && NegationPattern().IsMatch(sentence) && CoveragePattern().IsMatch(sentence);

    private static bool IsEmphasisedLine(string line) =>
        line.Length > 4 && ((line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal))
            || (line.StartsWith("__", StringComparison.Ordinal) && line.EndsWith("__", StringComparison.Ordinal)));

    [GeneratedRegex(@"^(?:[-*+>]\s+|\d{1,2}[.)]\s+)+")]
    private static partial Regex ListPrefixPattern();

    [GeneratedRegex(@"^(?:Hallo|Guten (?:Tag|Morgen|Abend)|Gerne?\b|Vielen Dank|Danke|Ich hoffe|Hoffentlich|Bei (?:weiteren )?(?:Fragen|Rückfragen)|Extraktive Antwort|Mit freundlichen Grüßen)", RegexOptions.IgnoreCase)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"\b(?:Quellen?|Fundstellen?|Bestand|Unterlagen|Textstellen|Auszügen?|vorliegenden (?:Texten?|Dokumenten?|Vorschriften))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourcesPattern();

    [GeneratedRegex(@"\b(?:nicht|keine?[nmrs]?|weder|nichts)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegationPattern();

    [GeneratedRegex(@"\b(?:enth(?:alten|ält)|reichen|ausreichend|genügen|beantworten|beantwortet|regeln|geregelt|Regelung|nennen|genannt|Angaben?|Aussagen?|Informationen?|Hinweise?|ergibt|ergeben|belegen|belegt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CoveragePattern();
}
