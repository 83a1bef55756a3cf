using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Citations;

/// <summary>
/// Reads the norm addresses people type into a norm search box (<c>§ 35 BauGB</c>, <c>Art. 20 Abs. 3 GG</c>,
/// <c>BauGB § 35</c>, <c>35 BauGB</c>, <c>Richtlinie Ehrungen Bad Boll, Nr. 2.1</c>) and builds the norm view's
/// address <c>/norm/{law}/{section}</c>.
/// </summary>
public static partial class NormAddress
{
    private const string Details =
        @"(?:\s*Abs\.?\s*(?<absatz>\d+[a-z]?))?(?:\s*(?:Satz|S\.)\s*(?<satz>\d+))?(?:\s*Nr\.?\s*(?<nummer>\d+[a-z]?))?(?:\s*(?:Buchst\.?|lit\.?)\s*(?<buchstabe>[a-z]))?";

    private const string Law = @"(?<law>\p{L}[\p{L}\p{N}\-\. ]*?)";

    /// <summary>Parses a typed norm address; false when the text names no norm.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Citation? citation)
    {
        citation = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        var input = WhitespaceRun().Replace(text.Trim(), " ");
        var match = KindFirst().Match(input);
        if (!match.Success)
        {
            match = LawFirst().Match(input);
        }

        if (match.Success)
        {
            var kind = match.Groups["kind"].Value.StartsWith('A') ? NormKind.Article : NormKind.Paragraph;
            citation = Build(match, kind);
            return true;
        }

        match = BareNumber().Match(input);
        if (match.Success)
        {
            citation = Build(match, NormKind.Paragraph);
            return true;
        }

        match = GuidelineItem().Match(input);
        if (match.Success)
        {
            citation = new Citation(match.Groups["law"].Value.Trim(), NormKind.Item, match.Groups["section"].Value);
            return true;
        }

        return false;
    }

    /// <summary>The norm view's address of a norm: <c>/norm/BauGB/35</c>.</summary>
    public static string PathOf(string law, string section) =>
        $"/norm/{Uri.EscapeDataString(law)}/{Uri.EscapeDataString(section)}";

    public static string PathOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return PathOf(citation.Law, citation.Section);
    }

    /// <summary>The norm view's address of a law's table of norms: <c>/norm/BauGB</c>.</summary>
    public static string PathOfLaw(string law) => $"/norm/{Uri.EscapeDataString(law)}";

    private static Citation Build(Match match, NormKind kind)
    {
        static string? Optional(Group group) => group.Success && group.Value.Length > 0 ? group.Value : null;

        return new Citation(
            match.Groups["law"].Value.Trim(),
            kind,
            match.Groups["section"].Value,
            Optional(match.Groups["absatz"]),
            match.Groups["satz"].Success ? int.Parse(match.Groups["satz"].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            Optional(match.Groups["nummer"]),
            Optional(match.Groups["buchstabe"]));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"^(?<kind>§|Art\.?|Artikel)\s*(?<section>\d+[a-z]?)" + Details + @"\s+" + Law + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex KindFirst();

    [GeneratedRegex(@"^" + Law + @"\s*(?<kind>§|Art\.?|Artikel)\s*(?<section>\d+[a-z]?)" + Details + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex LawFirst();

    [GeneratedRegex(@"^(?<section>\d+[a-z]?)" + Details + @"\s+" + Law + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?<law>\p{L}[^,]*?),?\s*Nr\.\s*(?<section>\d+(?:\.\d+)*)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex GuidelineItem();
}
