using Wissensassistent.Core.Jurisdiction;

namespace Wissensassistent.Core.Drafts;

/// <summary>A citation of a law that does not govern for the deployment profile, and what does instead.</summary>
/// <param name="Rule">The row of the applicable-law table that displaces it.</param>
/// <param name="Parallel">The same address in the governing law when it exists there (<c>§ 41 Abs. 2 LVwVfG</c>), else null.</param>
/// <param name="IsStateLaw">The governing law is a law of the Land (LVwVfG, KAG): "verdrängt durch Landesrecht".</param>
public sealed record DisplacedParallel(PrecedenceRule Rule, string? Parallel, bool IsStateLaw)
{
    public string Displaced => Rule.Displaced;

    public string Applies => Rule.Applies;

    /// <summary>The table's reason, as the answers show it.</summary>
    public string Note => Rule.Note;

    /// <summary>"verdrängt durch Landesrecht (LVwVfG)", "verdrängt durch SGB X".</summary>
    public string Label => IsStateLaw ? $"verdrängt durch Landesrecht ({Applies})" : $"verdrängt durch {Applies}";
}
