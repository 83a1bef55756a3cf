using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Wissensassistent.Core.Text;

/// <summary>
/// The known words that compounds are split into, with their corpus frequencies, in folded form
/// (<c>genehmigung</c>, <c>verfahren</c>, <c>bau</c>). Learnt from the corpus by <see cref="CompoundDictionaryBuilder"/>.
/// </summary>
/// <remarks>
/// The shipped dictionary (embedded resource <c>Text/compound-dictionary.txt</c>) is
/// <see cref="CompoundDictionaryBuilder.BuildFromCorpus"/> over <c>corpus/**/*.md</c> with the builder's default
/// thresholds; the test <c>CompoundDictionary_ShippedResource_EqualsBuilderOutputOverCorpus</c> checks that and,
/// with <c>WISSEN_WRITE_COMPOUND_DICTIONARY=1</c>, writes the file anew. A new dictionary changes index terms:
/// reindex after replacing it (<see cref="GermanAnalyzer.Fingerprint"/> changes with it).
/// </remarks>
public sealed class CompoundDictionary
{
    private const string ResourceName = "Wissensassistent.Core.Text.compound-dictionary.txt";

    private static readonly Lazy<CompoundDictionary> DefaultDictionary = new(LoadDefault);

    private readonly FrozenDictionary<string, int> _frequencies;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lazy<WordTrie> _trie;

    /// <summary>Knows no words: nothing is split.</summary>
    public static CompoundDictionary Empty { get; } = new([]);

    /// <summary>The dictionary learnt from the shipped corpus.</summary>
    public static CompoundDictionary Default => DefaultDictionary.Value;

    /// <param name="frequencies">Words (folded here if they are not yet) and how often they occur.</param>
    public CompoundDictionary(IEnumerable<KeyValuePair<string, int>> frequencies)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, frequency) in frequencies)
        {
            if (frequency <= 0)
            {
                continue;
            }

            var folded = GermanNormalizer.Normalize(word);
            if (folded.Length > 0)
            {
                words[folded] = words.GetValueOrDefault(folded) + frequency;
            }
        }

        _frequencies = words.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        _trie = new Lazy<WordTrie>(() => new WordTrie(_frequencies));
    }

    public int Count => _frequencies.Count;

    /// <summary>The words with their frequencies, ordinally sorted.</summary>
    public IEnumerable<KeyValuePair<string, int>> Entries => _frequencies.OrderBy(e => e.Key, StringComparer.Ordinal);

    /// <summary>How often the word occurred in the corpus the dictionary was learnt from; 0 when unknown.</summary>
    public int FrequencyOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return FrequencyOfFolded(GermanNormalizer.Normalize(word));
    }

    public bool Contains(string word) => FrequencyOf(word) > 0;

    internal int FrequencyOfFolded(ReadOnlySpan<char> folded) => _lookup.TryGetValue(folded, out var frequency) ? frequency : 0;

    internal WordTrie Trie => _trie.Value;

    /// <summary>Reads the text format: <c>word TAB frequency</c> per line; lines starting with # are comments.</summary>
    /// <exception cref="FormatException">A line is not in that format.</exception>
    public static CompoundDictionary Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<KeyValuePair<string, int>>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var frequency))
            {
                throw new FormatException($"Line {lineNumber}: expected 'word<TAB>frequency'.");
            }

            entries.Add(new(line[..tab], frequency));
        }

        return new CompoundDictionary(entries);
    }

    /// <summary>Writes the text format that <see cref="Read"/> reads, sorted, with <paramref name="header"/> lines as comments.</summary>
    public void Write(TextWriter writer, IEnumerable<string>? header = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var line in header ?? [])
        {
            writer.Write("# ");
            writer.Write(line);
            writer.Write('\n');
        }

        foreach (var (word, frequency) in Entries)
        {
            writer.Write(word);
            writer.Write('\t');
            writer.Write(frequency.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static CompoundDictionary LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }
}
