using Wissensassistent.Core.Jurisdiction;

namespace Wissensassistent.Core.Drafts;

/// <summary>A citation of a law that does not govern for the deployment profile, and what does instead.</summary>
/// <param name="Rule">The row of the applicable-law table that displaces it.</param>
/// <param name="Parallel">The same address in the governing law when it exists there (<c>§ 41 Abs. 2 LVwVfG</c>), else null.</param>
/// <param name="IsStateLaw">The governing law is a law of the Land (LVwVfG, KAG): "verdrängt durch Landesrecht".</param>
/// <param name="ParallelDifferences">
/// Where the parallel's wording departs from the cited passage (the governing law's words first: the LVwVfG's „vierten“
/// where the VwVfG says „dritten“); empty when they agree or cannot be compared.
/// </param>
public sealed record DisplacedParallel(PrecedenceRule Rule, string? Parallel, bool IsStateLaw, IReadOnlyList<QuotationDifference> ParallelDifferences)
{
    public string Displaced => Rule.Displaced;

    public string Applies => Rule.Applies;

    /// <summary>The table's reason, as the answers show it.</summary>
    public string Note => Rule.Note;

    /// <summary>"verdrängt durch Landesrecht (LVwVfG)", "verdrängt durch SGB X".</summary>
    /// <summary>"Wortlaut im LVwVfG: „vierten“ statt „dritten“ (2-mal)", or null when the wording agrees.</summary>
    public string? WordingNote => ParallelDifferences.Count == 0
        ? null
        : $"Wortlaut im {Applies}: {string.Join("; ", ParallelDifferences.GroupBy(d => d.Describe()).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ({g.Count()}-mal)"))}";

    public string Label => IsStateLaw ? $"verdrängt durch Landesrecht ({Applies})" : $"verdrängt durch {Applies}";
}
