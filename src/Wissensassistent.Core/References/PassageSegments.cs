using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.References;

/// <summary>Cuts a passage into runs for display: where its references are, and where it is highlighted.</summary>
public static class PassageSegments
{
    /// <summary>
    /// The runs of <paramref name="text"/>. References that overlap an earlier one are dropped (of several references of
    /// one span the first stands for it); <paramref name="highlighted"/> (from <see cref="PassageHighlighter"/>) must
    /// concatenate to <paramref name="text"/>, else it is ignored.
    /// </summary>
    public static IReadOnlyList<PassageSegment> Split(string text, IReadOnlyList<CrossReference> references, IReadOnlyList<TextSegment>? highlighted = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(references);
        var marked = new bool[text.Length];
        if (highlighted is not null && highlighted.Sum(s => s.Text.Length) == text.Length)
        {
            var position = 0;
            foreach (var segment in highlighted)
            {
                if (segment.IsHighlighted)
                {
                    Array.Fill(marked, true, position, segment.Text.Length);
                }

                position += segment.Text.Length;
            }
        }

        var owner = new CrossReference?[text.Length];
        var end = 0;
        foreach (var reference in references.OrderBy(r => r.Start))
        {
            if (reference.Start < end || reference.Length <= 0 || reference.End > text.Length)
            {
                continue;
            }

            Array.Fill(owner, reference, reference.Start, reference.Length);
            end = reference.End;
        }

        var segments = new List<PassageSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[start] || !ReferenceEquals(owner[i], owner[start]))
            {
                segments.Add(new PassageSegment(text[start..i], marked[start], owner[start]));
                start = i;
            }
        }

        return segments;
    }
}
