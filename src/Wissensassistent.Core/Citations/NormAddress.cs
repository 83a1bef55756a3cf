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

    /// <summary>The norm view's address of a law's table of norms: <c>/norm/BauGB</c>.</summary>
    public static string PathOfLaw(string law) => $"/norm/{Uri.EscapeDataString(law)}";
}
