using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Tests;

public sealed class QueryTermsTests
{
    private static readonly GermanAnalyzer Analyzer = GermanAnalyzer.Default;

    [Fact]
    public void WithLegalTerms_TermAddedTwice_KeepsTheHigherWeight_AndNeverLowersAQuestionTerm()
    {
        var question = QueryTerms.FromText(Analyzer, "Niederschrift");
        var term = Analyzer.Analyze("Bestattung")[0];

        var everyday = QueryTerms.WithLegalTerms(question, Analyzer, "Bestattung Niederschrift", 0.5);
        var standIn = QueryTerms.WithLegalTerms(everyday, Analyzer, "Bestattung", 1.0);

        Assert.Equal(0.5, Weight(everyday, term));
        Assert.Equal(1.0, Weight(standIn, term));
        Assert.Equal(1.0, Weight(standIn, Analyzer.Analyze("Niederschrift")[0]));
    }

    [Fact]
    public void FromText_TermOnlyInsideACompound_WeighsThePartWeight_AWordOfItsOwnKeepsItsFullWeight()
    {
        var parts = Analyzer.AnalyzeTokens("Wohngeldantrag").Where(t => t.Kind == TokenKind.CompoundPart).Select(t => t.Term).ToList();
        Assert.Contains(Analyzer.Analyze("Antrag")[0], parts);

        var question = QueryTerms.FromText(Analyzer, "Wohngeldantrag abgeben", 0.5);
        var withWord = QueryTerms.FromText(Analyzer, "Wohngeldantrag: welcher Antrag?", 0.5);

        Assert.Equal(1.0, Weight(question, Analyzer.Analyze("Wohngeldantrag")[0]));
        Assert.Equal(0.5, Weight(question, Analyzer.Analyze("Antrag")[0]));
        Assert.Equal(1 + Math.Log(2), Weight(withWord, Analyzer.Analyze("Antrag")[0]), 6);
    }

    [Fact]
    public void FromText_DefaultPartWeight_CountsPartsLikeWords()
    {
        var question = QueryTerms.FromText(Analyzer, "Wohngeldantrag abgeben");

        Assert.Equal(1.0, Weight(question, Analyzer.Analyze("Antrag")[0]));
    }

    private static double Weight(LexicalQuery query, string term) => query.Terms.Single(t => t.Term == term).Weight;
}
