namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <param name="Rank">1-based.</param>
/// <param name="Score">Fused score; comparable within one result only.</param>
public sealed record SearchHitView(int Rank, double Score, PassageView Passage);
