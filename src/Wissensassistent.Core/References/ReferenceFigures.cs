namespace Wissensassistent.Core.References;

/// <summary>The corpus's cross-references counted: found, resolved, and why the others are not links.</summary>
/// <param name="UnresolvedLaws">The laws outside the corpus cited most, with their reference counts, most first.</param>
public sealed record ReferenceFigures(
    int Found,
    IReadOnlyDictionary<ReferenceOutcome, int> ByOutcome,
    IReadOnlyDictionary<ReferenceBasis, int> ByBasis,
    IReadOnlyList<KeyValuePair<string, int>> UnresolvedLaws)
{
    public int Resolved => Count(ReferenceOutcome.Resolved);

    public int Count(ReferenceOutcome outcome) => ByOutcome.TryGetValue(outcome, out var count) ? count : 0;

    public int Count(ReferenceBasis basis) => ByBasis.TryGetValue(basis, out var count) ? count : 0;
}
