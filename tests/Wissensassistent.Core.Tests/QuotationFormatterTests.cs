using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Tests;

public sealed class QuotationFormatterTests
{
    [Fact]
    public void Format_QuotesVerbatimWithCitationStandAndSource()
    {
        var chunk = SampleAnswers.Chunk("BauGB", "35", "1", "(1) Im Außenbereich ist ein Vorhaben nur zulässig.");

        Assert.Equal(
            "„(1) Im Außenbereich ist ein Vorhaben nur zulässig.“ (§ 35 Abs. 1 BauGB; Stand: Art. 2 G v. 8.8.2020 I 1728; Quelle: bund/baugb.md)",
            QuotationFormatter.Format(chunk));
    }
}
