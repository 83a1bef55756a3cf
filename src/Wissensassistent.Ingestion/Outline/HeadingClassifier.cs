using System.Text.RegularExpressions;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Ingestion.Outline;

/// <summary>Recognises norm, structural, annex and numbered headings in the many spellings of the corpus.</summary>
internal static partial class HeadingClassifier
{
    public static HeadingInfo Classify(string text)
    {
        var trimmed = text.Trim().TrimEnd(':').Trim();
        var withoutMarker = Placeholder().Replace(trimmed, string.Empty);

        var norm = Norm().Match(withoutMarker);
        if (norm.Success)
        {
            var kind = norm.Groups["sign"].Value.StartsWith('§') ? NormKind.Paragraph : NormKind.Article;
            var title = CleanTitle(norm.Groups["title"].Value);
            var repealed = IsRepealedTitle(title);
            return new HeadingInfo(HeadingRole.Norm, trimmed, kind, NormalizeDesignation(norm.Groups["num"].Value), repealed ? null : NullIfEmpty(title), repealed);
        }

        var annex = Annex().Match(withoutMarker);
        if (annex.Success)
        {
            var word = char.ToUpperInvariant(annex.Groups["word"].Value[0]) + annex.Groups["word"].Value[1..].ToLowerInvariant();
            var designation = annex.Groups["num"].Success ? $"{word} {annex.Groups["num"].Value}" : word;
            var title = CleanTitle(annex.Groups["title"].Value);
            var repealed = title.EndsWith("(weggefallen)", StringComparison.OrdinalIgnoreCase) || title.EndsWith("(aufgehoben)", StringComparison.OrdinalIgnoreCase);
            return new HeadingInfo(HeadingRole.Annex, trimmed, NormKind.Section, designation, NullIfEmpty(title), repealed);
        }

        if (Skipped().IsMatch(trimmed))
        {
            return new HeadingInfo(HeadingRole.Skipped, trimmed);
        }

        if (Letterhead().IsMatch(trimmed))
        {
            return new HeadingInfo(HeadingRole.Letterhead, trimmed);
        }

        var absatz = AbsatzLabel().Match(trimmed);
        if (absatz.Success)
        {
            return new HeadingInfo(HeadingRole.AbsatzLabel, trimmed, NormKind.Section, absatz.Groups[1].Value, NullIfEmpty(absatz.Groups[2].Value.Trim()));
        }

        if (Structural().IsMatch(trimmed) || RomanSection().IsMatch(trimmed) || LetterSection().IsMatch(trimmed))
        {
            var structural = StructuralDesignation().Match(trimmed);
            return new HeadingInfo(HeadingRole.Structural, trimmed, NormKind.Section, structural.Success ? structural.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal) : string.Empty);
        }

        var item = NumberedItem().Match(trimmed);
        if (item.Success)
        {
            return new HeadingInfo(HeadingRole.NumberedItem, trimmed, NormKind.Item, item.Groups["num"].Value.TrimEnd('.'), NullIfEmpty(CleanTitle(item.Groups["title"].Value)));
        }

        return new HeadingInfo(HeadingRole.Plain, trimmed);
    }

    public static bool IsRepealedTitle(string title) => RepealedTitle().IsMatch(title.Trim());

    private static string NormalizeDesignation(string designation)
    {
        var compact = Whitespace().Replace(designation.Trim(), " ");
        return LetterSuffix().Replace(compact, "$1$2");
    }

    private static string CleanTitle(string title) => LeadingDash().Replace(title, string.Empty).Trim();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"^\(X+\)\s*")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?<sign>§§?|Art\.?|Artikel)\s*(?<num>\d+(?:[a-z]{1,2}|\s[a-z](?=\s*(?:$|[-–—])|\s+[A-ZÄÖÜ]))?(?:\s*(?:bis|und|-|–)\s*\d+(?:[a-z]{1,2})?)?)(?=$|[\s\-–—:.)(,])(?<title>.*)$")]
    private static partial Regex Norm();

    [GeneratedRegex(@"^(?<word>Anlage|Anhang|ANLAGE|ANHANG)\b\s*(?<num>[IVX]+\b|\d+[a-z]?\b|[A-Z]\b)?(?<title>.*)$")]
    private static partial Regex Annex();

    [GeneratedRegex(@"^(Inhaltsverzeichnis|Inhaltsübersicht|Inhalt|Gliederung|Amtliche Abkürzung.*|Amtliche Angaben|Fundstelle|Dokumentinformationen)$", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    [GeneratedRegex(@"^(GEMEINDE|LANDKREIS|STADT|GEMEINDEVERWALTUNGSVERBAND)\s+[A-ZÄÖÜ][A-ZÄÖÜ\s\.\-]+(\s+[-–]\s+.*)?$")]
    private static partial Regex Letterhead();

    [GeneratedRegex(@"^\((\d{1,3}[a-z]?)\)\s*(.*)$")]
    private static partial Regex AbsatzLabel();

    [GeneratedRegex(@"^(?:(?:[IVXLC]+|\d{1,2}[a-z]?)\.?\s*|(?:Erst|Zweit|Dritt|Viert|Fünft|Fuenft|Sechst|Siebt|Siebent|Acht|Neunt|Zehnt|Elft|Zwölft|Dreizehnt|Vierzehnt|Fünfzehnt|Sechzehnt|Siebzehnt|Achtzehnt|Neunzehnt|Zwanzigst)\w*[\s_]+)?(?:Buch|Teil|Kapitel|Unterkapitel|Abschnitt|Unterabschnitt|Titel|Untertitel|Hauptteil|Unterteil)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Structural();

    [GeneratedRegex(@"^[IVXLC]+\s?[a-z]?\.\s*(?:[-–]\s*)?\S")]
    private static partial Regex RomanSection();

    [GeneratedRegex(@"^[A-Z]\.\s*(?:[-–]\s*)?[A-ZÄÖÜ]")]
    private static partial Regex LetterSection();

    [GeneratedRegex(@"^([IVXLC]+\s?[a-z]?|[A-Z])\.")]
    private static partial Regex StructuralDesignation();

    [GeneratedRegex(@"^(?:Nr\.\s*|Ziffer\s+)?(?<num>\d{1,3}(?:\.\d{1,3})*[a-z]?\.?)(?=\s|$)\s*[-–:]?\s*(?<title>.*)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^\(?(weggefallen|aufgehoben|entfallen)\)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex RepealedTitle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(\d)\s([a-z])\b")]
    private static partial Regex LetterSuffix();

    [GeneratedRegex(@"^[\s\-–—:.]+")]
    private static partial Regex LeadingDash();
}
