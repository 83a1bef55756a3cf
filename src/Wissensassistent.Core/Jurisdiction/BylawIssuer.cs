using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Jurisdiction;

/// <summary>
/// Who issued a bylaw the Gemeinde publishes, read from its title: "Satzung der Jagdgenossenschaft Bad Boll", "Verbandssatzung
/// des Zweckverbands …" name another Körperschaft (a Genossenschaft, a Verband, an Anstalt) or another Gemeinde or Stadt;
/// "Friedhofsatzung der Gemeinde Bad Boll", "Benutzungsordnung der Bücherei" name none. The corpus folder alone cannot tell:
/// a Gemeinde keeps the bylaws of bodies it administers or publishes for among its own.
/// </summary>
public static partial class BylawIssuer
{
    /// <summary>The body named right after the bylaw's kind, or null when the title names the Gemeinde itself or no body.</summary>
    public static LocalBody? Of(string title, LocalBody own)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(own);
        var match = IssuerPattern().Match(title.Trim());
        if (!match.Success)
        {
            return null;
        }

        var body = match.Groups["body"].Value;
        var name = match.Groups["name"].Value.Trim();
        if (match.Groups["municipality"].Success)
        {
            // "Gruibingen über die Benutzung der Gemeindehalle": the place ends where the subject begins.
            var place = SubjectStart().Split(name, 2)[0].Trim();
            return place.StartsWith(own.Name, StringComparison.OrdinalIgnoreCase) ? null : new LocalBody(body, place, string.Empty, place, null, [place]);
        }

        // The question names the body by its word ("Jagdgenossen…") or by what it is about ("Jagd…"): the compound's first
        // part before the kind of body.
        var stem = GenitiveEnding().Replace(body, string.Empty);
        var keywords = new List<string> { stem };
        if (BodyKind().Match(stem) is { Success: true, Index: >= 4 } kind)
        {
            keywords.Add(stem[..kind.Index]);
        }

        return new LocalBody("Körperschaft", $"{body} {name}".Trim(), string.Empty, name, null, keywords);
    }

    [GeneratedRegex(@"^(?:\p{L}*(?:satzung|ordnung)|Richtlinien?)\s+(?:der|des)\s+(?:(?<municipality>(?<body>Gemeinde|Stadt))\s+(?<name>\p{Lu}.*)|(?<body>\p{L}*(?:genossenschaft|verband|verbandes|verbands|körperschaft|anstalt))\b(?<name>.*))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IssuerPattern();

    [GeneratedRegex(@"\s+(?:über|für|zur|zum|zu|vom|von|betreffend|bezüglich|\()", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectStart();

    [GeneratedRegex(@"(?<=verband)(?:e?s)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenitiveEnding();

    [GeneratedRegex(@"(?:genossenschaft|zweckverband|verband|körperschaft|anstalt)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyKind();
}
