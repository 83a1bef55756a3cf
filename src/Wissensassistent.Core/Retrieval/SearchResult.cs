using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Jurisdiction;

namespace Wissensassistent.Core.Retrieval;

/// <param name="Query">The query as searched (possibly shortened).</param>
/// <param name="Hits">Ranked passages.</param>
/// <param name="NamedNorms">Norms the query names (<c>§ 35 BauGB</c>) that exist in the corpus; they rank first.</param>
/// <param name="Mode">The mode actually used (hybrid falls back to lexical while no embeddings exist).</param>
/// <param name="Notices">German notices for the user ("Frage gekürzt", "Einbettungen noch unvollständig").</param>
public sealed record SearchResult(
    string Query,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<Citation> NamedNorms,
    SearchMode Mode,
    TimeSpan Took,
    IReadOnlyList<string> Notices)
{
    /// <summary>Precedence rules of the deployment profile that removed a displaced parallel from these hits.</summary>
    public IReadOnlyList<PrecedenceRule> AppliedRules { get; init; } = [];
}
