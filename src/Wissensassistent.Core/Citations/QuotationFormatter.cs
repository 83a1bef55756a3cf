using System.Text;
using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Core.Citations;

/// <summary>A passage as a clerk pastes it into a file note: verbatim, with its address, Stand and source.</summary>
public static class QuotationFormatter
{
    /// <summary><c>„Im Außenbereich ist ein Vorhaben nur zulässig, …“ (§ 35 Abs. 1 BauGB; Stand: …; Quelle: bund/bbaug.md)</c></summary>
    public static string Format(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var sb = new StringBuilder();
        sb.Append('„').Append(chunk.Text.Trim()).Append("“ (").Append(CitationFormatter.Format(chunk.Citation));
        if (!string.IsNullOrWhiteSpace(chunk.Stand))
        {
            sb.Append("; Stand: ").Append(chunk.Stand.Trim());
        }

        sb.Append("; Quelle: ").Append(chunk.DocumentId).Append(')');
        return sb.ToString();
    }
}
