using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Text;

/// <summary>
/// Everyday words mapped to the legal terms statutes use (<c>Protokoll</c> → <c>Niederschrift</c>, <c>Beerdigung</c> →
/// <c>Bestattung</c>), from the curated list <c>everyday-terms.tsv</c>. A key ending in <c>*</c> matches words that begin with it.
/// </summary>
public sealed partial class EverydayVocabulary
{
    private const string ResourceName = "Wissensassistent.Core.Text.everyday-terms.tsv";

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string Terms)> _prefixes = [];

    public EverydayVocabulary(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        foreach (var line in tsv.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 2)
            {
                throw new FormatException($"everyday-terms.tsv: 2 Spalten erwartet in „{line}“.");
            }

            foreach (var key in columns[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Fold))
            {
                if (key.EndsWith('*'))
                {
                    _prefixes.Add((key.TrimEnd('*'), columns[1].Trim()));
                }
                else
                {
                    _exact[key] = _exact.TryGetValue(key, out var known) ? $"{known} {columns[1].Trim()}" : columns[1].Trim();
                }
            }
        }
    }

    public static EverydayVocabulary Default { get; } = new(ReadResource());

    /// <summary>The legal terms for the everyday words of <paramref name="text"/>, as one text for the analyzer; empty when none.</summary>
    public string LegalTermsFor(string text) => string.Join(' ', LegalTermsByWord(text).Select(m => m.Terms).Distinct(StringComparer.Ordinal));

    /// <summary>Each everyday word of <paramref name="text"/> (as written) with its legal terms, in text order.</summary>
    public IReadOnlyList<(string Word, string Terms)> LegalTermsByWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(string, string)>();
        var written = WordPattern().Matches(text).Select(m => m.Value).ToList();
        var words = written.Select(Fold).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (_exact.TryGetValue(word, out var terms) || (i + 1 < words.Count && _exact.TryGetValue($"{word} {words[i + 1]}", out terms)))
            {
                found.Add((written[i], terms));
            }

            found.AddRange(_prefixes.Where(p => word.StartsWith(p.Prefix, StringComparison.Ordinal)).Select(p => (written[i], p.Terms)));
        }

        return found;
    }

    private static string Fold(string word) => word.Trim().ToLower(CultureInfo.InvariantCulture);

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Die eingebettete Liste {ResourceName} fehlt.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
