using System.Globalization;
using System.Reflection;

namespace Wissensassistent.Core.Jurisdiction;

/// <summary>Reads the two tables (precedence rules, local bodies) from their TSV text; a malformed row fails with its line number.</summary>
public static class ApplicableLawTable
{
    private const string RulesResource = "Wissensassistent.Core.Jurisdiction.applicable-law.tsv";

    private const string BodiesResource = "Wissensassistent.Core.Jurisdiction.local-bodies.tsv";

    public static string ShippedRules => ReadResource(RulesResource);

    public static string ShippedBodies => ReadResource(BodiesResource);

    /// <exception cref="FormatException">A row without the seven columns or with an unreadable § range.</exception>
    public static IReadOnlyList<PrecedenceRule> ParseRules(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var rules = new List<PrecedenceRule>();
        foreach (var (number, columns) in Rows(tsv))
        {
            if (columns.Length != 7)
            {
                throw new FormatException($"Vorrangtabelle, Zeile {number}: 7 Spalten erwartet, {columns.Length} gefunden.");
            }

            rules.Add(new PrecedenceRule(
                columns[0],
                columns[1],
                ParseRange(columns[2], number),
                columns[3],
                columns[4] is "*" or "" ? [] : List(columns[4], ','),
                List(columns[5], ';'),
                columns[6]));
        }

        return rules;
    }

    public static IReadOnlyList<LocalBody> ParseBodies(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var bodies = new List<LocalBody>();
        foreach (var (number, columns) in Rows(tsv))
        {
            if (columns.Length is < 4 or > 6)
            {
                throw new FormatException($"Tabelle der Satzungsgeber, Zeile {number}: 4 bis 6 Spalten erwartet, {columns.Length} gefunden.");
            }

            bodies.Add(new LocalBody(
                columns[0],
                columns[1],
                columns[2],
                columns[3],
                columns.Length > 4 && columns[4].Length > 0 ? columns[4] : null,
                columns.Length > 5 ? List(columns[5], ',') : []));
        }

        return bodies;
    }

    private static IEnumerable<(int Number, string[] Columns)> Rows(string tsv)
    {
        var number = 0;
        foreach (var line in tsv.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            {
                yield return (number, line.Split('\t').Select(column => column.Trim()).ToArray());
            }
        }
    }

    private static (int, int)? ParseRange(string text, int line)
    {
        if (text is "*" or "")
        {
            return null;
        }

        var bounds = text.Split('-', StringSplitOptions.TrimEntries);
        if (bounds.Length is 1 or 2
            && int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return (first, last);
        }

        throw new FormatException($"Vorrangtabelle, Zeile {line}: „{text}“ ist kein Paragrafenbereich wie 127-135.");
    }

    private static List<string> List(string text, char separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Die eingebettete Tabelle {name} fehlt.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
