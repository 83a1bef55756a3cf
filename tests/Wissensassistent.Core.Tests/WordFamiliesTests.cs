using System.Reflection;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Tests;

public sealed class WordFamiliesTests
{
    private static readonly ITextAnalyzer Analyzer = GermanAnalyzer.Default;

    [Theory]
    [InlineData("ehr", "ehrung")]
    [InlineData("kundig", "kundigung")]
    [InlineData("zustandig", "zustandigkeit")]
    [InlineData("zustandigkeit", "zustandig")]
    [InlineData("anfechtbar", "anfechtung")]
    public void RelatedStems_ProductiveDerivation(string stem, string related) =>
        Assert.Contains(related, GermanWordFamily.RelatedStems(stem));

    [Theory]
    [InlineData("gilt", "Gültigkeitsdauer")]
    [InlineData("gilt", "Geltungsdauer")]
    [InlineData("erlischt", "erlöschen")]
    [InlineData("trägt", "tragen")]
    [InlineData("stirbt", "sterben")]
    public void RelatedStems_StrongVerb_ReachesItsInfinitiveAndItsNouns(string asked, string statute)
    {
        // "Wie lange gilt ein Personalausweis?" – § 6 PAuswG "Gültigkeitsdauer"; light stemming keeps "gilt" apart from both.
        var askedStem = Assert.Single(Analyzer.Analyze(asked));
        var statuteTerms = Analyzer.Analyze(statute);

        Assert.Contains(GermanWordFamily.RelatedStems(askedStem), statuteTerms.Contains);
    }

    [Fact]
    public void RelatedStems_NounDoesNotTurnIntoItsVerb()
    {
        // Measured: "Genehmigung" expanded to every "genehmigen" ranked more wrong passages than right ones.
        Assert.DoesNotContain("genehmig", GermanWordFamily.RelatedStems("genehmigung"));
    }

    [Fact]
    public void SeparableVerbs_ParticleAtTheClauseEnd_JoinsTheVerbsBeforeIt_NotNounsOrFunctionWords() =>
        Assert.Equal(["anmelde"], GermanWordFamily.SeparableVerbs("Wann melde ich das Kind an? Der Antrag liegt vor dem Amt."));

    [Fact]
    public async Task Expand_AddsOnlyFamilyMembersTheIndexKnows_AtTheFamilyWeight()
    {
        var store = VocabularyStore.With(("quarkung", Public));
        var query = QueryTerms.FromText(Analyzer, "Quarken Trollen?");

        var expanded = await WordFamilies.ExpandAsync(query, "Quarken Trollen?", Analyzer, new StoreVocabulary(store, DocumentAccess.Public), 0.3, TestContext.Current.CancellationToken);

        Assert.Equal(0.3, Assert.Single(expanded.Terms, t => t.Term == "quarkung").Weight);
        Assert.DoesNotContain(expanded.Terms, t => t.Term == "trollung");
        Assert.Equal(query.Terms.Count + 1, expanded.Terms.Count);
    }

    [Fact]
    public async Task Expand_SeparatedParticle_AddsTheJoinedVerbAndItsNoun()
    {
        var store = VocabularyStore.With(("anquarkel", Public), ("anquarkelung", Public));

        var expanded = await WordFamilies.ExpandAsync(QueryTerms.FromText(Analyzer, "Wann quarkele ich an?"), "Wann quarkele ich an?", Analyzer, new StoreVocabulary(store, DocumentAccess.Public), 0.3, TestContext.Current.CancellationToken);

        Assert.Contains(expanded.Terms, t => t.Term == "anquarkel");
        Assert.Contains(expanded.Terms, t => t.Term == "anquarkelung");
    }

    [Fact]
    public async Task Expand_WordOnlyARestrictedDocumentHolds_IsNotAddedForAReaderWhoMayNotSeeIt()
    {
        var store = VocabularyStore.With(("quarkung", Restricted));
        var query = QueryTerms.FromText(Analyzer, "quarken");
        var personalamt = DocumentAccess.ForGroups(["personalamt"]);

        var anonymous = await WordFamilies.ExpandAsync(query, "quarken", Analyzer, new StoreVocabulary(store, DocumentAccess.Public), 0.3, TestContext.Current.CancellationToken);
        var member = await WordFamilies.ExpandAsync(query, "quarken", Analyzer, new StoreVocabulary(store, personalamt), 0.3, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(anonymous.Terms, t => t.Term == "quarkung");
        Assert.Contains(member.Terms, t => t.Term == "quarkung");
    }

    private static Chunk Public => SampleCorpus.BauGBBatch.Chunks[0];

    // Stores keep access groups folded to lower case; the shipped test document spells them as written.
    private static Chunk Restricted => RestrictedCorpus.PersonalamtBatch.Chunks[0] with { AccessGroups = ["personalamt"] };

    /// <summary>A store that knows a few terms, each in one passage, and applies the reader's access as stores do.</summary>
    public class VocabularyStore : DispatchProxy
    {
        private Dictionary<string, Chunk> _terms = [];

        public static IKnowledgeStore With(params (string Term, Chunk Chunk)[] terms)
        {
            var store = Create<IKnowledgeStore, VocabularyStore>();
            ((VocabularyStore)(object)store)._terms = terms.ToDictionary(t => t.Term, t => t.Chunk, StringComparer.Ordinal);
            return store;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name == nameof(IKnowledgeStore.ContainsTermAsync) && args is not null)
            {
                var term = (string)args[0]!;
                return Task.FromResult(_terms.TryGetValue(term, out var chunk) && ((DocumentAccess)args[1]!).Filter([chunk]).Count > 0);
            }

            if (targetMethod?.Name != nameof(IKnowledgeStore.SearchLexicalAsync) || args is null)
            {
                throw new NotSupportedException(targetMethod?.Name);
            }

            var query = (LexicalQuery)args[0]!;
            var filter = (SearchFilter)args[1]!;
            IReadOnlyList<ScoredChunk> hits = filter.Access
                .Filter(query.Terms.Where(t => _terms.ContainsKey(t.Term)).Select(t => _terms[t.Term]).ToList())
                .Select(c => new ScoredChunk(c, 1))
                .ToList();
            return Task.FromResult(hits);
        }
    }
}
