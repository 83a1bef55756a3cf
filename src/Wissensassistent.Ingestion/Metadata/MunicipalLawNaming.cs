using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>
/// Gives a municipal text a short name people can cite and that is unique per document family, with the issuer's
/// place appended ("Hundesteuersatzung Bad Boll", "Hauptsatzung LK Göppingen", "Richtlinie Ehrungen Bad Boll").
/// In this order: a specific compound that opens the title ("Friedhofsatzung der Gemeinde …"), the short name in
/// brackets ("… (Hundesteuersatzung)"), else the file name (umlauts restored from the title).
/// </summary>
internal static partial class MunicipalLawNaming
{
    private static readonly HashSet<string> GenericHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "Satzung", "Verordnung", "Rechtsverordnung", "Betriebssatzung", "Benutzungsordnung",
        "Gebührenordnung", "Geschäftsordnung", "Richtlinie", "Richtlinien", "Gebührenverzeichnis", "Anlage", "Tarif",
        "Änderungssatzung", "Ordnung",
    };

    private static readonly HashSet<string> TypeMarkers = new(StringComparer.OrdinalIgnoreCase) { "SONSTIGES", "ax" };

    public static string Name(string fileStem, string? title, string placeSuffix)
    {
        var name = FromTitleHead(title) ?? FromBracketedShortName(title) ?? FromFileName(fileStem, title);
        return name.Contains(placeSuffix, StringComparison.OrdinalIgnoreCase) ? name : $"{name} {placeSuffix}";
    }

    /// <summary>The file stem without the family part suffix (<c>_Teil_1_von_2</c>) and issuer prefix.</summary>
    public static string FamilyStem(string fileStem)
    {
        var stem = PartSuffix().Replace(fileStem, string.Empty);
        stem = IssuerPrefix().Replace(stem, string.Empty);
        return IssuerSuffix().Replace(stem, string.Empty).Trim('_', '-', ' ');
    }

    private static string? FromTitleHead(string? title)
    {
        if (title is null || ReferencesOtherLaw(title))
        {
            return null;
        }

        var head = title.Split(' ', 2)[0].Trim(',', ':');
        return head.Length > 12 && !GenericHeads.Contains(head) && TypeWord().IsMatch(head) ? head : null;
    }

    private static string? FromBracketedShortName(string? title)
    {
        if (title is null || ReferencesOtherLaw(title))
        {
            return null;
        }

        foreach (Match match in Bracketed().Matches(title).Reverse())
        {
            var candidate = DashSplit().Split(match.Groups[1].Value)[0].Trim();
            var words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (candidate.Length >= 6 && words.Length <= 4 && char.IsUpper(candidate[0]) && candidate.Any(char.IsLower)
                && !candidate.Contains('§', StringComparison.Ordinal) && !candidate.StartsWith("zu ", StringComparison.OrdinalIgnoreCase)
                && !candidate.Equals("aufgehoben", StringComparison.OrdinalIgnoreCase) && TypeWord().IsMatch(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FromFileName(string fileStem, string? title)
    {
        var tokens = TokenSplit().Split(FamilyStem(fileStem))
            .Where(t => t.Length > 0 && !TypeMarkers.Contains(t) && !DateToken().IsMatch(t))
            .ToList();

        // "Satzung_Gebuehrenordnung_…": the second token already says what it is.
        if (tokens.Count > 1 && tokens[0].Equals("Satzung", StringComparison.OrdinalIgnoreCase) && TypeWord().IsMatch(tokens[1]))
        {
            tokens.RemoveAt(0);
        }

        var titleWords = (title ?? string.Empty).Split([' ', ',', '(', ')', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
        var words = tokens.Select((t, i) => i == 0 && t.All(char.IsDigit) ? t + "." : RestoreUmlauts(t, titleWords));
        var name = string.Join(' ', words).Replace("- und", "- und", StringComparison.Ordinal);
        return name.Length > 0 ? name : fileStem;
    }

    /// <summary>File names spell umlauts as ae/oe/ue; take the title's spelling where it has the word, else transliterate back carefully.</summary>
    private static string RestoreUmlauts(string token, IReadOnlyList<string> titleWords)
    {
        var hyphen = token.EndsWith('-') ? "-" : string.Empty;
        var word = token.TrimEnd('-');
        foreach (var candidate in titleWords)
        {
            var bare = candidate.TrimEnd('-');
            if (Transliterate(bare).Equals(word, StringComparison.OrdinalIgnoreCase) || StripDiacritics(bare).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return bare + hyphen;
            }
        }

        // "ue" after a vowel or q is a diphthong (Feuer, Steuer, Quelle); "uell" is not an umlaut either (aktuell).
        var restored = UmlautUe().Replace(word, m => m.Value[0] == 'U' ? "Ü" : "ü");
        restored = UmlautOe().Replace(restored, m => m.Value[0] == 'O' ? "Ö" : "ö");
        restored = UmlautAe().Replace(restored, m => m.Value[0] == 'A' ? "Ä" : "ä");
        return restored + hyphen;
    }

    private static string Transliterate(string word) => word
        .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal)
        .Replace("Ä", "Ae", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal)
        .Replace("ß", "ss", StringComparison.Ordinal);

    private static string StripDiacritics(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    private static bool ReferencesOtherLaw(string title) => AmendmentOrAnnex().IsMatch(title);

    [GeneratedRegex(@"(satzung|ordnung|verordnung|richtlinien?|leitlinien?|regelung|tarif)$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeWord();

    [GeneratedRegex(@"\(([^()]+)\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s+[-–]\s+")]
    private static partial Regex DashSplit();

    [GeneratedRegex(@"^(\d+\.\s*(Verordnung|Satzung)\s+zur\s+Änderung|Anlage\b|Gebührenverzeichnis\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AmendmentOrAnnex();

    [GeneratedRegex(@"[_\s]+(Teil|TEIL)[_\s-]*\d+([_\s-]*von[_\s-]*\d+)?$")]
    private static partial Regex PartSuffix();

    [GeneratedRegex(@"^(BBO|LKR-GP|GVV-BBO|GEM-BBO|GVV)[_\-\s]+")]
    private static partial Regex IssuerPrefix();

    [GeneratedRegex(@"[-_](BBO)$")]
    private static partial Regex IssuerSuffix();

    [GeneratedRegex(@"[_\s]+")]
    private static partial Regex TokenSplit();

    [GeneratedRegex(@"^\d{1,2}-\d{1,2}-\d{4}$")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"(?<![aeqAEQ])[uU]e(?!ll)")]
    private static partial Regex UmlautUe();

    [GeneratedRegex(@"(?<![aeioAEIO])[oO]e")]
    private static partial Regex UmlautOe();

    [GeneratedRegex(@"(?<![aeiAEI])[aA]e(?!l)")]
    private static partial Regex UmlautAe();
}
