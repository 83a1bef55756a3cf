using System.Text;
using Wissensassistent.Ingestion.Outline;

namespace Wissensassistent.Ingestion.Chunking;

/// <summary>
/// Applies the token budget to one unit. A unit within budget stays whole. A larger one is cut between numbered
/// items and paragraphs first, then between sentences, then (for a single overlong sentence) at semicolons, commas
/// and finally words. A unit never spans norms, so no part does either. Table parts repeat the header row.
/// </summary>
internal sealed class Chunker(int maxTokens)
{
    public int MaxTokens { get; } = maxTokens;

    public IReadOnlyList<ChunkPart> Split(IReadOnlyList<TextBlock> blocks)
    {
        var whole = string.Join('\n', blocks.Select(b => b.Text));
        if (TokenCounter.Fits(whole, MaxTokens))
        {
            return [new ChunkPart(whole, 0, null)];
        }

        var pieces = Pieces(blocks).ToList();
        var parts = new List<ChunkPart>();
        var current = new List<Piece>();
        var currentText = string.Empty;
        foreach (var piece in pieces)
        {
            var candidate = current.Count == 0 ? WithHeader(piece) : currentText + (piece.ContinuesBlock ? " " : "\n") + piece.Text;
            if (current.Count > 0 && !TokenCounter.Fits(candidate, MaxTokens))
            {
                parts.Add(ToPart(current, currentText, parts.Count));
                current = [];
                candidate = WithHeader(piece);
            }

            current.Add(piece);
            currentText = candidate;
        }

        if (current.Count > 0)
        {
            parts.Add(ToPart(current, currentText, parts.Count));
        }

        return parts;

        string WithHeader(Piece piece) =>
            piece.TableHeader is { } header && piece.Kind == TextBlockKind.TableRow && TokenCounter.Fits(header + "\n" + piece.Text, MaxTokens)
                ? header + "\n" + piece.Text
                : piece.Text;
    }

    private static ChunkPart ToPart(List<Piece> pieces, string text, int index)
    {
        var number = pieces[0].ItemNumber;
        var single = number is not null && pieces.All(p => p.ItemNumber == number && p.Group == pieces[0].Group);
        return new ChunkPart(text, index, single ? number : null);
    }

    /// <summary>Items with their nested lines, paragraphs and table rows, each cut further if it alone exceeds the budget.</summary>
    private IEnumerable<Piece> Pieces(IReadOnlyList<TextBlock> blocks)
    {
        string? header = null;
        var group = 0;
        string? groupNumber = null;
        var groupBlocks = new List<TextBlock>();

        foreach (var block in blocks)
        {
            var nested = block.Depth > 0 && groupNumber is not null;
            if (!nested && groupBlocks.Count > 0)
            {
                foreach (var piece in GroupPieces(groupBlocks, groupNumber, group, header))
                {
                    yield return piece;
                }

                groupBlocks = [];
                group++;
            }

            if (!nested)
            {
                groupNumber = block.ItemNumber;
            }

            if (block.Kind == TextBlockKind.TableHeader)
            {
                header = block.Text;
            }

            groupBlocks.Add(block);
        }

        foreach (var piece in GroupPieces(groupBlocks, groupNumber, group, header))
        {
            yield return piece;
        }
    }

    private IEnumerable<Piece> GroupPieces(List<TextBlock> blocks, string? number, int group, string? header)
    {
        if (blocks.Count == 0)
        {
            yield break;
        }

        var kind = blocks[0].Kind;
        var text = string.Join('\n', blocks.Select(b => b.Text));
        if (TokenCounter.Fits(text, MaxTokens))
        {
            yield return new Piece(text, number, group, false, kind, kind == TextBlockKind.TableHeader ? null : header);
            yield break;
        }

        foreach (var block in blocks)
        {
            var first = true;
            foreach (var fragment in Fragments(block.Text))
            {
                yield return new Piece(fragment, number, group, !first, block.Kind, header);
                first = false;
            }
        }
    }

    /// <summary>Sentences; an overlong sentence is cut at semicolons, then commas, then words.</summary>
    private IEnumerable<string> Fragments(string text)
    {
        if (TokenCounter.Fits(text, MaxTokens))
        {
            yield return text;
            yield break;
        }

        foreach (var sentence in SentenceSplitter.Split(text))
        {
            if (TokenCounter.Fits(sentence, MaxTokens))
            {
                yield return sentence;
                continue;
            }

            foreach (var fragment in CutAt(sentence, "; ", 0))
            {
                yield return fragment;
            }
        }
    }

    private IEnumerable<string> CutAt(string text, string separator, int level)
    {
        if (TokenCounter.Fits(text, MaxTokens))
        {
            yield return text;
            yield break;
        }

        var separators = new[] { "; ", ", ", " " };
        if (level >= separators.Length)
        {
            // A single word over budget: cut by characters.
            var size = Math.Max(1, text.Length * MaxTokens / Math.Max(1, TokenCounter.Count(text)) - 1);
            for (var i = 0; i < text.Length; i += size)
            {
                yield return text.Substring(i, Math.Min(size, text.Length - i));
            }

            yield break;
        }

        separator = separators[level];
        var pieces = text.Split(separator);
        var current = new StringBuilder();
        foreach (var raw in pieces.Select((p, i) => i < pieces.Length - 1 ? p + separator.TrimEnd() : p))
        {
            var candidate = current.Length == 0 ? raw : current + " " + raw;
            if (current.Length > 0 && !TokenCounter.Fits(candidate, MaxTokens))
            {
                foreach (var done in CutAt(current.ToString(), separator, level + 1))
                {
                    yield return done;
                }

                current.Clear();
                candidate = raw;
            }

            current.Clear().Append(candidate);
        }

        if (current.Length > 0)
        {
            foreach (var done in CutAt(current.ToString(), separator, level + 1))
            {
                yield return done;
            }
        }
    }

    private sealed record Piece(string Text, string? ItemNumber, int Group, bool ContinuesBlock, TextBlockKind Kind, string? TableHeader);
}
