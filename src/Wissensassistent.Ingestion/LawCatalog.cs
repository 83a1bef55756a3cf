using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Wissensassistent.Ingestion;

/// <summary>
/// The customary citation abbreviations of the federal laws (<c>bbaug</c> → <c>BauGB</c>, <c>sgb_10</c> → <c>SGB X</c>),
/// read from <c>bund/MANIFEST.tsv</c>: the files carry the official jurabk (<c>BBauG</c>), which nobody cites.
/// </summary>
public sealed class LawCatalog
{
    public const string ManifestRelativePath = "bund/MANIFEST.tsv";

    private readonly FrozenDictionary<string, LawCatalogEntry> _bySlug;

    private LawCatalog(IEnumerable<LawCatalogEntry> entries)
    {
        _bySlug = entries
            .GroupBy(e => e.Slug, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public static LawCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<LawCatalogEntry> Entries => _bySlug.Values;

    /// <summary>Reads <c>bund/MANIFEST.tsv</c> below <paramref name="corpusRoot"/>; an absent manifest gives <see cref="Empty"/>.</summary>
    public static LawCatalog Load(string corpusRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpusRoot);
        var path = Path.Combine(corpusRoot, ManifestRelativePath);
        return File.Exists(path) ? Parse(File.ReadAllText(path, Encoding.UTF8)) : Empty;
    }

    /// <summary>Parses the manifest text (tab-separated, header row with slug, jurabk_in_file, citation_abbr, title).</summary>
    public static LawCatalog Parse(string manifestText)
    {
        ArgumentNullException.ThrowIfNull(manifestText);
        var lines = manifestText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return Empty;
        }

        var header = lines[0].TrimEnd('\r').Split('\t');
        var slug = Array.IndexOf(header, "slug");
        var jurabk = Array.IndexOf(header, "jurabk_in_file");
        var abbr = Array.IndexOf(header, "citation_abbr");
        var title = Array.IndexOf(header, "title");
        if (slug < 0 || abbr < 0)
        {
            return Empty;
        }

        var entries = new List<LawCatalogEntry>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            string Cell(int i) => i >= 0 && i < cells.Length ? cells[i].Trim() : string.Empty;
            if (Cell(slug).Length == 0 || Cell(abbr).Length == 0)
            {
                continue;
            }

            entries.Add(new LawCatalogEntry(Cell(slug), Cell(jurabk), Cell(abbr), Cell(title)));
        }

        return new LawCatalog(entries);
    }

    public bool TryGet(string slug, [MaybeNullWhen(false)] out LawCatalogEntry entry) =>
        _bySlug.TryGetValue(slug, out entry);
}
