namespace Wissensassistent.Core.Citations;

/// <summary>
/// The norm view's addresses, <c>/norm/{law}/{section}</c>. What people type is read by <see cref="CitationParser"/>,
/// the one grammar of every entry point.
/// </summary>
public static class NormAddress
{
    /// <summary>The norm view's address of a norm: <c>/norm/BauGB/35</c>.</summary>
    public static string PathOf(string law, string section) =>
        $"/norm/{Uri.EscapeDataString(law)}/{Uri.EscapeDataString(section)}";

    public static string PathOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return PathOf(citation.Law, citation.Section);
    }

    /// <summary>
    /// With <paramref name="withDetails"/>, the norm view opened at the cited Absatz, Satz and Nummer:
    /// <c>/norm/BauGB/34?abs=3a&amp;satz=1&amp;nr=2</c>.
    /// </summary>
    public static string PathOf(Citation citation, bool withDetails)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var path = PathOf(citation.Law, citation.Section);
        if (!withDetails)
        {
            return path;
        }

        var query = new List<string>(3);
        if (citation.Absatz is { Length: > 0 } absatz)
        {
            query.Add("abs=" + Uri.EscapeDataString(absatz));
        }

        if (citation.Satz is { } satz)
        {
            query.Add("satz=" + satz.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (citation.Nummer is { Length: > 0 } nummer)
        {
            query.Add("nr=" + Uri.EscapeDataString(nummer));
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    /// <summary>The norm view's address of a law's table of norms: <c>/norm/BauGB</c>.</summary>
    public static string PathOfLaw(string law) => $"/norm/{Uri.EscapeDataString(law)}";
}
