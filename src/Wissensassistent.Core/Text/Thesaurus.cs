using System.Globalization;
using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Text;

/// <summary>
/// German synonym sets in the OpenThesaurus text format (one set a line, members separated by <c>;</c>, <c>#</c> comments),
/// as the Debian package <c>openthesaurus-de-text</c> (LGPL) installs them. Read at run time, never copied into the
/// repository; a missing file gives <see cref="Empty"/>. Only single words count: qualifiers such as "(ugs.)" go, phrases
/// and abbreviations are skipped, and very large sets (loose senses of one word) are left out.
/// </summary>
public sealed partial class Thesaurus
{
    /// <summary>Where the Debian package puts the file.</summary>
    public const string DebianPath = "/usr/share/openthesaurus-de/openthesaurus.txt";

    /// <summary>Sets beyond this size mix senses ("Sache" has dozens); their members are not synonyms of one another.</summary>
    private const int MaxSetSize = 12;

    private const int MaxSynonymsPerWord = 6;

    private readonly Dictionary<string, List<string>> _synonyms = new(StringComparer.Ordinal);

    public Thesaurus(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var members = line.Split(';')
                .Select(member => Qualifier().Replace(member, string.Empty).Trim())
                .Where(member => member.Length > 2 && member.All(char.IsLetter))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (members.Count is < 2 or > MaxSetSize)
            {
                continue;
            }

            foreach (var member in members)
            {
                var key = Fold(member);
                if (!_synonyms.TryGetValue(key, out var list))
                {
                    _synonyms[key] = list = [];
                }

                list.AddRange(members.Where(other => Fold(other) != key && !list.Contains(other)));
            }
        }
    }

    public static Thesaurus Empty { get; } = new([]);

    public bool IsEmpty => _synonyms.Count == 0;

    /// <summary>The thesaurus at <paramref name="path"/>, or <see cref="Empty"/> when there is no file (package not installed).</summary>
    public static Thesaurus Load(string? path) =>
        string.IsNullOrWhiteSpace(path) || !File.Exists(path) ? Empty : new Thesaurus(File.ReadLines(path));

    /// <summary>The synonyms of <paramref name="word"/> (any case), at most six, in the order of the sets; empty when unknown.</summary>
    public IReadOnlyList<string> SynonymsOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _synonyms.TryGetValue(Fold(word), out var list) ? list.Take(MaxSynonymsPerWord).ToList() : [];
    }

    private static string Fold(string word) => word.ToLower(CultureInfo.GetCultureInfo("de-DE"));

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Qualifier();
}
