using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>Whole norms as (norm key, text) for the baseline, read through the store contract.</summary>
public static class NormDocuments
{
    public static async Task<IReadOnlyList<(string Key, string Text)>> LoadAsync(IKnowledgeStore store, SearchFilter filter, CancellationToken cancellationToken)
    {
        var laws = await store.ListLawsAsync(cancellationToken);
        var selected = laws.Where(l => filter.Laws.Count == 0 || filter.Laws.Contains(l.Law, StringComparer.OrdinalIgnoreCase)
            || l.Aliases.Any(a => filter.Laws.Contains(a, StringComparer.OrdinalIgnoreCase)));
        var documents = new List<(string, string)>();
        foreach (var law in selected)
        {
            foreach (var norm in await store.ListNormsAsync(law.Law, cancellationToken))
            {
                if (norm.IsRepealed)
                {
                    continue;
                }

                var chunks = await store.GetNormAsync(law.Law, norm.Citation.Section, cancellationToken);
                // The norm as printed: "§ 573b Teilkündigung des Vermieters", then its Absätze.
                var heading = $"{Core.Citations.CitationFormatter.FormatNorm(norm.Citation)} {norm.Title}";
                var text = string.Join("\n", chunks.Select(c => c.Text).Prepend(heading));
                documents.Add((norm.Citation.NormKey, text));
            }
        }

        return documents;
    }
}
