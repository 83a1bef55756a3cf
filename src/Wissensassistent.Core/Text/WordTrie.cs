namespace Wissensassistent.Core.Text;

/// <summary>
/// The words of a <see cref="CompoundDictionary"/> as a character trie, so that the splitter finds every known word
/// starting at a position in one walk instead of hashing each substring.
/// </summary>
internal sealed class WordTrie
{
    public const int Root = 0;

    private readonly char[] _labels;
    private readonly int[] _firstChild;
    private readonly int[] _nextSibling;
    private readonly int[] _frequencies;

    public WordTrie(IEnumerable<KeyValuePair<string, int>> words)
    {
        var labels = new List<char> { '\0' };
        var firstChild = new List<int> { -1 };
        var nextSibling = new List<int> { -1 };
        var frequencies = new List<int> { 0 };
        foreach (var (word, frequency) in words)
        {
            var node = Root;
            foreach (var c in word)
            {
                var child = Find(labels, firstChild, nextSibling, node, c);
                if (child < 0)
                {
                    child = labels.Count;
                    labels.Add(c);
                    firstChild.Add(-1);
                    nextSibling.Add(firstChild[node]);
                    frequencies.Add(0);
                    firstChild[node] = child;
                }

                node = child;
            }

            frequencies[node] = frequency;
        }

        _labels = [.. labels];
        _firstChild = [.. firstChild];
        _nextSibling = [.. nextSibling];
        _frequencies = [.. frequencies];
    }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, or -1.</summary>
    public int Child(int node, char c)
    {
        for (var k = _firstChild[node]; k >= 0; k = _nextSibling[k])
        {
            if (_labels[k] == c)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The frequency of the word that ends at <paramref name="node"/>; 0 when no word ends there.</summary>
    public int FrequencyAt(int node) => _frequencies[node];

    private static int Find(List<char> labels, List<int> firstChild, List<int> nextSibling, int node, char c)
    {
        for (var k = firstChild[node]; k >= 0; k = nextSibling[k])
        {
            if (labels[k] == c)
            {
                return k;
            }
        }

        return -1;
    }
}
