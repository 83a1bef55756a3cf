using System.Text.RegularExpressions;

namespace Wissensassistent.Ingestion.Markdown;

/// <summary>
/// Reads the YAML front matter between <c>---</c> lines. Only the flat subset the corpus uses (scalars, inline
/// <c>[a, b]</c> lists, block <c>- item</c> lists) is understood. Some files lack the closing <c>---</c>: the front
/// matter then ends at the first line that is not YAML, with a warning.
/// </summary>
internal static partial class FrontMatterReader
{
    public static (FrontMatter FrontMatter, int BodyStart) Read(IReadOnlyList<string> lines, List<string> warnings)
    {
        var start = 0;
        while (start < lines.Count && lines[start].Trim().Length == 0)
        {
            start++;
        }

        if (start >= lines.Count || lines[start].Trim() != "---")
        {
            return (FrontMatter.None, 0);
        }

        var scalars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        string? listKey = null;
        string? scalarKey = null;
        var i = start + 1;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim() == "---")
            {
                return (new FrontMatter(scalars, lists), i + 1);
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var item = ListItem().Match(line);
            if (item.Success && listKey is not null)
            {
                ((List<string>)lists[listKey]).Add(Unquote(item.Groups[1].Value));
                continue;
            }

            // A long scalar folded onto an indented next line ("Title: … Luftverunreinigungen,\n  Geräusche, …").
            if (scalarKey is not null && char.IsWhiteSpace(line[0]))
            {
                scalars[scalarKey] = $"{scalars[scalarKey]} {line.Trim()}";
                continue;
            }

            var pair = KeyValue().Match(line);
            if (!pair.Success)
            {
                warnings.Add($"Der Vorspann (Front Matter) ist nicht mit '---' abgeschlossen; er endet vor Zeile {i + 1}.");
                return (new FrontMatter(scalars, lists), i);
            }

            var key = pair.Groups[1].Value;
            var value = pair.Groups[2].Value.Trim();
            listKey = null;
            scalarKey = null;
            if (value.Length == 0)
            {
                listKey = key;
                lists[key] = new List<string>();
            }
            else if (value.StartsWith('[') && value.EndsWith(']'))
            {
                lists[key] = value[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(Unquote).ToList();
            }
            else
            {
                scalars[key] = Unquote(value);
                scalarKey = key;
            }
        }

        warnings.Add("Der Vorspann (Front Matter) ist nicht abgeschlossen.");
        return (new FrontMatter(scalars, lists), i);
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
    }

    [GeneratedRegex(@"^([A-Za-z_][\w\-]*)\s*:(.*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^\s+-\s+(.*)$")]
    private static partial Regex ListItem();
}
