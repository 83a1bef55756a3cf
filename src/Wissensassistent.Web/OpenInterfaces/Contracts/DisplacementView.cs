namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>A cited law that does not govern for the deployment profile (the VwVfG where the LVwVfG governs).</summary>
/// <param name="Law">The cited, displaced law.</param>
/// <param name="Applies">The law that governs instead.</param>
/// <param name="Parallel">The same address in the governing law when it exists there (<c>§ 41 Abs. 2 LVwVfG</c>).</param>
/// <param name="StateLaw">The governing law is a law of the Land.</param>
/// <param name="Note">The reason in German, with the norms it rests on.</param>
/// <param name="ParallelDifferences">Where the parallel's wording (<c>draft</c> side) departs from the cited passage (<c>passage</c> side).</param>
public sealed record DisplacementView(string Law, string Applies, string? Parallel, bool StateLaw, string Note, IReadOnlyList<QuotationDifferenceView> ParallelDifferences);
