using Qdrant.Client.Grpc;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant.Tests;

public sealed class QdrantFiltersTests
{
    [Fact]
    public void ForSearch_NoRestrictions_OnlyExcludesRepealed()
    {
        var filter = QdrantFilters.ForSearch(SearchFilter.None);

        Assert.Empty(Restrictions(filter));
        Assert.Empty(filter.Should);
        var repealed = Assert.Single(filter.MustNot);
        Assert.Equal("is_repealed", repealed.Field.Key);
        Assert.True(repealed.Field.Match.Boolean);
    }

    [Fact]
    public void ForSearch_IncludeRepealed_HasNoConditions()
    {
        var filter = QdrantFilters.ForSearch(new SearchFilter { IncludeRepealed = true });

        Assert.Empty(Restrictions(filter));
        Assert.Empty(filter.MustNot);
    }

    [Fact]
    public void ForSearch_Laws_MatchLowerCasedAbbreviationOrAlias()
    {
        var filter = QdrantFilters.ForSearch(new SearchFilter { Laws = ["BauGB", " baugb ", "GemO"] });

        var law = Assert.Single(Restrictions(filter)).Filter;
        Assert.Equal(2, law.Should.Count);
        Assert.Equal("law_key", law.Should[0].Field.Key);
        Assert.Equal(["baugb", "gemo"], law.Should[0].Field.Match.Keywords.Strings);
        Assert.Equal("law_aliases", law.Should[1].Field.Key);
        Assert.Equal(["baugb", "gemo"], law.Should[1].Field.Match.Keywords.Strings);
    }

    [Fact]
    public void ForSearch_LevelsAndTypes_MatchEnumNames()
    {
        var filter = QdrantFilters.ForSearch(new SearchFilter
        {
            Levels = [Level.Land, Level.Kommune],
            Types = [DocumentType.Satzung],
        });

        Assert.Equal(2, Restrictions(filter).Count);
        Assert.Equal("level", filter.Must[0].Field.Key);
        Assert.Equal(["Land", "Kommune"], filter.Must[0].Field.Match.Keywords.Strings);
        Assert.Equal("type", filter.Must[1].Field.Key);
        Assert.Equal(["Satzung"], filter.Must[1].Field.Match.Keywords.Strings);
    }

    [Fact]
    public void ForSearch_InForceOn_BoundsByDayNumber_AndLetsUnknownBoundsPass()
    {
        var day = new DateOnly(2024, 3, 1);

        var filter = QdrantFilters.ForSearch(new SearchFilter { InForceOn = day });

        Assert.Equal(2, Restrictions(filter).Count);
        var from = filter.Must[0].Filter;
        Assert.Equal("valid_from_day", from.Should[0].IsEmpty.Key);
        Assert.Equal("valid_from_day", from.Should[1].Field.Key);
        Assert.Equal(day.DayNumber, from.Should[1].Field.Range.Lte);
        Assert.False(from.Should[1].Field.Range.HasGte);

        var until = filter.Must[1].Filter;
        Assert.Equal("valid_until_day", until.Should[0].IsEmpty.Key);
        Assert.Equal("valid_until_day", until.Should[1].Field.Key);
        Assert.Equal(day.DayNumber, until.Should[1].Field.Range.Gte);
        Assert.False(until.Should[1].Field.Range.HasLte);
    }

    [Fact]
    public void ForNorm_MatchesLowerCasedSection_AndLawOrAlias()
    {
        var filter = QdrantFilters.ForNorm("BBauG", "35A");

        Assert.Equal(2, filter.Must.Count);
        Assert.Equal(["bbaug"], filter.Must[0].Filter.Should[1].Field.Match.Keywords.Strings);
        Assert.Equal("section_key", filter.Must[1].Field.Key);
        Assert.Equal("35a", filter.Must[1].Field.Match.Keyword);
    }

    [Fact]
    public void WithoutEmbedding_ExcludesChunksOfThatModel()
    {
        var filter = QdrantFilters.WithoutEmbedding("minilm-l12");

        var condition = Assert.Single(filter.MustNot);
        Assert.Equal("embedding_model", condition.Field.Key);
        Assert.Equal("minilm-l12", condition.Field.Match.Keyword);
    }

    [Fact]
    public void HasEmbedding_WithoutRecordedModel_AcceptsAnyDenseVector()
    {
        Assert.Equal("has_dense", QdrantFilters.HasEmbedding(null).Field.Key);
        Assert.Equal("embedding_model", QdrantFilters.HasEmbedding("m").Field.Key);
    }

    [Fact]
    public void With_DoesNotChangeTheOriginalFilter()
    {
        var original = QdrantFilters.ForSearch(SearchFilter.None);

        var extended = QdrantFilters.With(original, Conditions.Match("has_dense", true));

        Assert.Empty(Restrictions(original));
        Assert.Single(Restrictions(extended));
    }

    [Fact]
    public void ForSearch_AlwaysSaysWhoReads_AnonymousSeesOnlyChunksWithoutGroups()
    {
        var access = QdrantFilters.ForSearch(SearchFilter.None).Must[^1];

        Assert.Equal("access_groups", access.IsEmpty.Key);
    }

    [Fact]
    public void ForSearch_ReaderWithGroups_SeesPublicChunksOrThoseOfTheirGroups()
    {
        var filter = QdrantFilters.ForSearch(new SearchFilter { Laws = ["BauGB"], Access = DocumentAccess.ForGroups(["Personalamt", "kaemmerei"]) });

        var access = filter.Must[^1].Filter;
        Assert.Equal(2, access.Should.Count);
        Assert.Equal("access_groups", access.Should[0].IsEmpty.Key);
        Assert.Equal("access_groups", access.Should[1].Field.Key);
        Assert.Equal(["kaemmerei", "personalamt"], access.Should[1].Field.Match.Keywords.Strings);
        Assert.Single(Restrictions(filter));
    }

    [Fact]
    public void EveryFilteredChunkField_HasAPayloadIndex()
    {
        var filters = new[]
        {
            QdrantFilters.ForSearch(new SearchFilter
            {
                Laws = ["BauGB"],
                Levels = [Level.Bund],
                Types = [DocumentType.Gesetz],
                InForceOn = new DateOnly(2024, 1, 1),
                Access = DocumentAccess.ForGroups(["personalamt"]),
            }),
            QdrantFilters.ForNorm("BauGB", "35"),
            QdrantFilters.ForDocument("bund/baugb.md"),
            QdrantFilters.WithoutEmbedding("m"),
            new Filter { Must = { QdrantFilters.HasEmbedding(null), QdrantFilters.HasEmbedding("m") } },
        };
        var indexed = QdrantGenerations.ChunkIndexes.Select(i => i.Field).ToHashSet();

        var used = filters.SelectMany(FieldsOf).ToHashSet();

        Assert.Subset(indexed, used);
        Assert.Contains("valid_until_day", used);
    }

    private static IEnumerable<string> FieldsOf(Filter filter) =>
        filter.Must.Concat(filter.Should).Concat(filter.MustNot).SelectMany(FieldsOf);

    private static IEnumerable<string> FieldsOf(Condition condition) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => [condition.Field.Key],
        Condition.ConditionOneOfOneofCase.IsEmpty => [condition.IsEmpty.Key],
        Condition.ConditionOneOfOneofCase.Filter => FieldsOf(condition.Filter),
        _ => [],
    };

    /// <summary>The conditions a user chose, without the access condition every search carries last.</summary>
    private static List<Condition> Restrictions(Filter filter) =>
        filter.Must.Where(condition => condition.IsEmpty?.Key != "access_groups" && condition.Filter?.Should.FirstOrDefault()?.IsEmpty?.Key != "access_groups").ToList();
}
