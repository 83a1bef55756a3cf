namespace Wissensassistent.Core.Text;

/// <summary>
/// Splits a folded compound into known words of a <see cref="CompoundDictionary"/>, allowing the German linking
/// elements between parts (Fugen: s, es, n, en, er, e, ns, ens) and the dropped final e of a first part
/// ("Sach-verständige" from "Sache"); the last part may be inflected ("…verfahrens").
/// </summary>
/// <remarks>
/// The decomposition with the fewest parts wins (a known sub-compound stays whole and is split in turn), ties go to
/// the parts that are more frequent in the corpus. The result is the tree's nodes: "baugenehmigungsverfahren" gives
/// "baugenehmigung", "bau", "genehmigung", "verfahren". A split into three or more parts also yields its leading and
/// trailing sub-compounds as written ("eigenbedarfskundigung": "eigenbedarf", "bedarfskundigung"), so that a query
/// for the sub-compound meets the longer word even when the corpus never uses the sub-compound alone.
/// </remarks>
internal sealed class CompoundSplitter(CompoundDictionary dictionary)
{
    public const int MinWordLength = 6;
    public const int MinPartLength = 3;

    private const int MaxDepth = 4;

    private static readonly string[] Linkers = ["", "s", "es", "n", "en", "er", "e", "ns", "ens"];
    private static readonly string[] FinalInflections = ["s", "es", "e", "en", "n", "er", "ern", "em"];

    /// <summary>
    /// Last parts that are also suffixes: without a linking element before them they are the participle or adjective
    /// ending ("folg|ende", "vorsitz|ende", "fehler|haft"), with one they are the noun ("Monat|s|ende", "Untersuchung|s|haft").
    /// </summary>
    private static readonly string[] SuffixLikeParts = ["ende", "haft"];

    private readonly WordTrie _trie = dictionary.Trie;

    /// <summary>The parts of <paramref name="folded"/> in order, sub-compounds before their own parts; empty when it is no compound.</summary>
    public IReadOnlyList<string> Split(string folded)
    {
        if (folded.Length < MinWordLength)
        {
            return [];
        }

        var parts = new List<string>();
        Collect(folded, parts, depth: 0);
        return parts;
    }

    private void Collect(string word, List<string> parts, int depth)
    {
        if (depth > MaxDepth || word.Length < MinWordLength || Decompose(word) is not { } best)
        {
            return;
        }

        foreach (var part in best)
        {
            var form = part.Form(word);
            AddOnce(parts, form);
            Collect(form, parts, depth + 1);
        }

        for (var k = 1; k < best.Count - 1; k++)
        {
            AddOnce(parts, word[..best[k].End]);
            AddOnce(parts, word[best[k].Start..]);
        }
    }

    private static void AddOnce(List<string> parts, string part)
    {
        if (!parts.Contains(part))
        {
            parts.Add(part);
        }
    }

    /// <summary>The best decomposition into at least two known parts, or null.</summary>
    /// <remarks>
    /// One state per position and per "reached through a linking element or not": "monats|ende" and "monat|s|ende"
    /// reach the same position, and only the second may end in a suffix-like part.
    /// </remarks>
    private List<Part>? Decompose(string word)
    {
        var n = word.Length;
        var states = new State?[n + 1, 2];
        states[0, 0] = new State(0, 0, -1, 0, default);
        for (var i = 0; i <= n - MinPartLength; i++)
        {
            for (var slot = 0; slot < 2; slot++)
            {
                if (states[i, slot] is { } from)
                {
                    Extend(word, states, i, slot, from);
                }
            }
        }

        var last = Better(states[n, 0], states[n, 1]);
        if (last is null)
        {
            return null;
        }

        var parts = new List<Part>();
        for (var state = last.Value; state.Previous >= 0; state = states[state.Previous, state.PreviousSlot]!.Value)
        {
            parts.Add(state.Part);
        }

        parts.Reverse();
        return parts;
    }

    private void Extend(string word, State?[,] states, int i, int slot, State from)
    {
        var n = word.Length;
        var afterLinker = slot == 1;
        var node = WordTrie.Root;
        for (var j = i; j < n; j++)
        {
            node = _trie.Child(node, word[j]);
            if (node < 0)
            {
                return;
            }

            var end = j + 1;
            if (end - i < MinPartLength)
            {
                continue;
            }

            var frequency = _trie.FrequencyAt(node);
            var canEnd = i > 0 && frequency > 0 && (afterLinker || !IsSuffixLike(word.AsSpan(i, end - i)));
            if (end == n)
            {
                if (canEnd)
                {
                    Offer(states, n, 0, i, slot, from, new Part(i, end, false), frequency);
                }

                continue;
            }

            if (canEnd)
            {
                // The last part, inflected: "verfahren|s".
                foreach (var ending in FinalInflections)
                {
                    if (end + ending.Length == n && word.AsSpan(end).SequenceEqual(ending))
                    {
                        Offer(states, n, 0, i, slot, from, new Part(i, end, false), frequency);
                    }
                }
            }

            var withE = false;
            if (frequency == 0 && end - i >= 4 && !GermanStopWords.Lookup.Contains(word.AsSpan(i, end - i)))
            {
                // "sach" for "Sache": a first or middle part may drop its final e; "unter" is no "untere".
                var eNode = _trie.Child(node, 'e');
                frequency = eNode < 0 ? 0 : _trie.FrequencyAt(eNode);
                withE = true;
            }

            if (frequency == 0)
            {
                continue;
            }

            foreach (var linker in Linkers)
            {
                var next = end + linker.Length;
                if (next + MinPartLength <= n && word.AsSpan(end).StartsWith(linker, StringComparison.Ordinal))
                {
                    Offer(states, next, linker.Length > 0 ? 1 : 0, i, slot, from, new Part(i, end, withE), frequency);
                }
            }
        }
    }

    private static bool IsSuffixLike(ReadOnlySpan<char> part)
    {
        foreach (var suffix in SuffixLikeParts)
        {
            if (part.SequenceEqual(suffix))
            {
                return true;
            }
        }

        return false;
    }

    private static void Offer(State?[,] states, int position, int slot, int fromPosition, int fromSlot, State from, Part part, int frequency)
    {
        var candidate = new State(from.Parts + 1, from.Score + Math.Log(frequency), fromPosition, fromSlot, part);
        if (Better(states[position, slot], candidate) is { } better && better == candidate)
        {
            states[position, slot] = candidate;
        }
    }

    /// <summary>Fewer parts first, then more frequent ones; the first of equals stays.</summary>
    private static State? Better(State? a, State? b)
    {
        if (a is not { } x)
        {
            return b;
        }

        if (b is not { } y)
        {
            return a;
        }

        return y.Parts < x.Parts || (y.Parts == x.Parts && y.Score > x.Score) ? y : x;
    }

    /// <param name="Previous">The position the last part started from; -1 for the start.</param>
    /// <param name="PreviousSlot">Whether that position was reached through a linking element (1) or not (0).</param>
    private readonly record struct State(int Parts, double Score, int Previous, int PreviousSlot, Part Part);

    /// <param name="Start">Where the part starts in the word.</param>
    /// <param name="End">Where it ends, before its linking element.</param>
    /// <param name="WithE">The dictionary knows it with a final e ("sach" → "sache").</param>
    private readonly record struct Part(int Start, int End, bool WithE)
    {
        public string Form(string word) => WithE ? string.Concat(word.AsSpan(Start, End - Start), "e") : word[Start..End];
    }
}
