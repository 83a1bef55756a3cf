using System.Globalization;
using System.Text;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Web.Audit;

/// <summary>
/// The audit trail as CSV for a spreadsheet (semicolon-separated, as German Excel expects, UTF-8 with BOM). Every
/// field is quoted, and one that a spreadsheet would read as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab,
/// carriage return at its start) gets a leading apostrophe, so an account name or file name such as
/// <c>=HYPERLINK(…)</c> stays text (CSV injection, OWASP).
/// </summary>
public static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["Zeitpunkt (UTC)", "Benutzer", "Aktion", "Aktions-ID", "Objekt", "Ergebnis", "Antwort"];

    public static string Write(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder("\uFEFF");
        AppendLine(csv, Header);
        foreach (var entry in entries)
        {
            AppendLine(csv,
            [
                entry.Time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                entry.Actor,
                AuditActions.DisplayName(entry.Action),
                entry.Action,
                entry.Object,
                entry.Outcome,
                entry.Detail ?? string.Empty,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One field, neutralised and quoted.</summary>
    public static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void AppendLine(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(';');
            }

            csv.Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }
}
