using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Tests;

public sealed class PassageHighlighterTests
{
    private const string Passage = "(1) Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen.";

    private static string Highlighted(IReadOnlyList<TextSegment> segments) =>
        string.Join("|", segments.Where(s => s.IsHighlighted).Select(s => s.Text));

    [Fact]
    public void Highlight_Quote_MarksExactlyTheQuotedWords()
    {
        var segments = PassageHighlighter.Highlight(Passage, ["öffentliche Belange nicht entgegenstehen"], "egal");

        Assert.Equal("öffentliche Belange nicht entgegenstehen", Highlighted(segments));
        Assert.Equal(Passage, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void Highlight_QuoteWithOtherWhitespaceAndQuotationMarks_StillFound()
    {
        var segments = PassageHighlighter.Highlight(Passage, ["„nur   zulässig,\nwenn“"], null);

        Assert.Equal("nur zulässig, wenn", Highlighted(segments));
    }

    [Fact]
    public void Highlight_QuoteWithEllipsis_MarksBothParts()
    {
        var segments = PassageHighlighter.Highlight(Passage, ["Im Außenbereich … nur zulässig"], null);

        Assert.Equal("Im Außenbereich|nur zulässig", Highlighted(segments));
    }

    [Fact]
    public void Highlight_QuoteNotInPassage_FallsBackToQuestionTerms()
    {
        var segments = PassageHighlighter.Highlight(Passage, ["steht nicht drin"], "Wann sind Vorhaben im Außenbereich zulässig?");

        Assert.Equal("Außenbereich|Vorhaben|zulässig", Highlighted(segments));
    }

    [Fact]
    public void TermsOf_DropsStopWordsAndEndings()
    {
        Assert.Equal(["vorhab", "außenbereich"], PassageHighlighter.TermsOf("Was gilt für Vorhaben im Außenbereich?"));
    }

    [Fact]
    public void Highlight_NothingToMark_ReturnsPassageAsOneSegment()
    {
        var segments = PassageHighlighter.Highlight(Passage, [], null);

        Assert.Equal([new TextSegment(Passage, false)], segments);
    }
}
