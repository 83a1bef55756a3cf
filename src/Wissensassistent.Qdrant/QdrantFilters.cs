using Qdrant.Client.Grpc;
using Wissensassistent.Core.Storage;
using F = Wissensassistent.Qdrant.PayloadFields;
using QdrantRange = Qdrant.Client.Grpc.Range;

namespace Wissensassistent.Qdrant;

/// <summary>Translates store filters into Qdrant filters over the payload indexes, so filtering happens inside the ranking.</summary>
internal static class QdrantFilters
{
    /// <summary>
    /// Laws (abbreviation or alias, case-insensitive), levels and types as "any of"; the in-force day as
    /// <c>valid_from ≤ day ≤ valid_until</c> where a missing bound passes; repealed chunks excluded unless asked for.
    /// </summary>
    public static Filter ForSearch(SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = new Filter();
        if (filter.Laws.Count > 0)
        {
            result.Must.Add(LawCondition(filter.Laws));
        }

        if (filter.Levels.Count > 0)
        {
            result.Must.Add(Conditions.Match(F.Level, filter.Levels.Distinct().Select(l => l.ToString()).ToList()));
        }

        if (filter.Types.Count > 0)
        {
            result.Must.Add(Conditions.Match(F.Type, filter.Types.Distinct().Select(t => t.ToString()).ToList()));
        }

        if (filter.InForceOn is { } day)
        {
            result.Must.Add(Conditions.Filter(new Filter
            {
                Should = { Conditions.IsEmpty(F.ValidFromDay), Conditions.Range(F.ValidFromDay, new QdrantRange { Lte = day.DayNumber }) },
            }));
            result.Must.Add(Conditions.Filter(new Filter
            {
                Should = { Conditions.IsEmpty(F.ValidUntilDay), Conditions.Range(F.ValidUntilDay, new QdrantRange { Gte = day.DayNumber }) },
            }));
        }

        if (!filter.IncludeRepealed)
        {
            result.MustNot.Add(Conditions.Match(F.IsRepealed, true));
        }

        result.Must.Add(ReadableBy(filter.Access));
        return result;
    }

    /// <summary>
    /// Public chunks (no access groups: also every point written before permissions existed) or those of one of the
    /// reader's groups, over the keyword index of <see cref="F.AccessGroups"/>. Qdrant itself has no notion of a reader;
    /// this condition is the enforcement.
    /// </summary>
    public static Condition ReadableBy(DocumentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.Groups.Count == 0)
        {
            return Conditions.IsEmpty(F.AccessGroups);
        }

        return Conditions.Filter(new Filter
        {
            Should = { Conditions.IsEmpty(F.AccessGroups), Conditions.Match(F.AccessGroups, access.Groups.ToList()) },
        });
    }

    /// <summary>Chunks of one law, by abbreviation or alias.</summary>
    public static Filter ForLaw(string law) => new() { Must = { LawCondition([law]) } };

    /// <summary>All chunks of one norm (<c>BauGB</c>, <c>35</c>), law by abbreviation or alias.</summary>
    public static Filter ForNorm(string law, string section) => new()
    {
        Must = { LawCondition([law]), Conditions.MatchKeyword(F.SectionKey, ChunkPayload.KeyOf(section)) },
    };

    public static Filter ForDocument(string documentId) => new() { Must = { Conditions.MatchKeyword(F.DocumentId, documentId) } };

    public static Filter ForDocuments(IReadOnlyList<string> documentIds) => new() { Must = { Conditions.Match(F.DocumentId, documentIds) } };

    /// <summary>Points of the documents collection that describe documents (not the store's metadata point).</summary>
    public static Filter DocumentPoints() => new() { Must = { Conditions.MatchKeyword(F.Kind, F.KindDocument) } };

    /// <summary>Chunks whose dense vector is not from <paramref name="model"/> (or that have none).</summary>
    public static Filter WithoutEmbedding(string model) => new() { MustNot = { Conditions.MatchKeyword(F.EmbeddingModel, model) } };

    /// <summary>Chunks with a dense vector of the current model; any dense vector while no model is recorded.</summary>
    public static Condition HasEmbedding(string? model) =>
        model is null ? Conditions.Match(F.HasDense, true) : Conditions.MatchKeyword(F.EmbeddingModel, model);

    /// <summary>A copy of <paramref name="filter"/> with one more required condition.</summary>
    public static Filter With(Filter filter, Condition condition)
    {
        var copy = filter.Clone();
        copy.Must.Add(condition);
        return copy;
    }

    private static Condition LawCondition(IEnumerable<string> laws)
    {
        var keys = laws.Select(ChunkPayload.KeyOf).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return Conditions.Filter(new Filter
        {
            Should = { Conditions.Match(F.LawKey, keys), Conditions.Match(F.LawAliases, keys) },
        });
    }
}
