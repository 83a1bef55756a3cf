using System.Text;

namespace Wissensassistent.Core.Citations;

/// <summary>Writes citations in German legal convention: <c>§ 35 Abs. 1 Satz 2 Nr. 4 Buchst. a BauGB</c>, <c>Art. 20 Abs. 3 GG</c>.</summary>
public static class CitationFormatter
{
    public static string Format(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var sb = new StringBuilder();
        switch (citation.Kind)
        {
            case NormKind.Paragraph:
                // A repealed run under one heading: "§§ 1321 bis 1352 BGB".
                sb.Append(SectionRange.IsRange(citation.Section) ? "§§ " : "§ ").Append(citation.Section);
                AppendDetails(sb, citation);
                AppendLaw(sb, citation);
                break;
            case NormKind.Article:
                sb.Append("Art. ").Append(citation.Section);
                AppendDetails(sb, citation);
                AppendLaw(sb, citation);
                break;
            case NormKind.Item:
                sb.Append(citation.Law).Append(", Nr. ").Append(citation.Section);
                AppendDetails(sb, citation);
                break;
            default:
                sb.Append(citation.Law);
                if (citation.Section.Length > 0)
                {
                    sb.Append(", ").Append(citation.Section);
                }

                AppendDetails(sb, citation);
                break;
        }

        return sb.ToString();
    }

    /// <summary>The norm alone, without Absatz and below: <c>§ 35 BauGB</c>.</summary>
    public static string FormatNorm(Citation citation) => Format(citation.Norm);

    /// <summary>A citation without a law (<see cref="CitationParser"/> leaves it empty when the text names none) ends at its details.</summary>
    private static void AppendLaw(StringBuilder sb, Citation citation)
    {
        if (citation.Law.Length > 0)
        {
            sb.Append(' ').Append(citation.Law);
        }
    }

    private static void AppendDetails(StringBuilder sb, Citation citation)
    {
        if (citation.Absatz is { Length: > 0 } absatz)
        {
            sb.Append(" Abs. ").Append(absatz);
        }

        if (citation.Satz is { } satz)
        {
            sb.Append(" Satz ").Append(satz);
        }

        if (citation.Nummer is { Length: > 0 } nummer)
        {
            sb.Append(" Nr. ").Append(nummer);
        }

        if (citation.Buchstabe is { Length: > 0 } buchstabe)
        {
            sb.Append(" Buchst. ").Append(buchstabe);
        }
    }
}
