using Wissensassistent.Ingestion.Chunking;
using Wissensassistent.Ingestion.Outline;

namespace Wissensassistent.Ingestion.Tests;

public sealed class ChunkerTests
{
    private const string Sentence = "Die Gemeinde erhebt für die Benutzung ihrer öffentlichen Einrichtungen Gebühren nach dieser Satzung.";

    [Fact]
    public void Split_KeepsAUnitWithinBudgetWhole()
    {
        var parts = new Chunker(400).Split([new TextBlock("(1) " + Sentence, TextBlockKind.Paragraph)]);

        var part = Assert.Single(parts);
        Assert.Equal("(1) " + Sentence, part.Text);
        Assert.Equal(0, part.Part);
    }

    [Fact]
    public void Split_CutsAnOverlongAbsatzAtSentenceBoundaries_WithinTheBudget()
    {
        var text = "(1) " + string.Join(' ', Enumerable.Repeat(Sentence, 12));
        var chunker = new Chunker(60);

        var parts = chunker.Split([new TextBlock(text, TextBlockKind.Paragraph)]);

        Assert.True(parts.Count > 1);
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.True(TokenCounter.Count(p.Text) <= 60, $"{TokenCounter.Count(p.Text)} tokens: {p.Text}"));
        Assert.All(parts, p => Assert.EndsWith("Satzung.", p.Text, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(' ', parts.Select(p => p.Text)));
    }

    [Fact]
    public void Split_AlignsPartsWithNumberedItems_AndNamesTheItemAPartCoversAlone()
    {
        var filler = string.Join(' ', Enumerable.Repeat("die Errichtung einer baulichen Anlage im Außenbereich, soweit sie öffentlichen Belangen nicht widerspricht", 2));
        TextBlock[] blocks =
        [
            new("(1) Ein Vorhaben ist zulässig, wenn", TextBlockKind.Paragraph),
            new("1. es einem land- oder forstwirtschaftlichen Betrieb dient,", TextBlockKind.ListItem, "1"),
            new($"2. {filler},", TextBlockKind.ListItem, "2"),
            new("a) mit einer Unterbestimmung,", TextBlockKind.ListItem, null, 1),
            new($"3. {filler}.", TextBlockKind.ListItem, "3"),
        ];

        var parts = new Chunker(80).Split(blocks);

        var item2 = Assert.Single(parts, p => p.Text.StartsWith("2. ", StringComparison.Ordinal));
        Assert.Equal("2", item2.Nummer);
        Assert.EndsWith("\na) mit einer Unterbestimmung,", item2.Text, StringComparison.Ordinal);
        Assert.Null(parts[0].Nummer);
        Assert.Equal("3", parts[^1].Nummer);
        Assert.StartsWith("(1) Ein Vorhaben ist zulässig, wenn\n1. es einem", parts[0].Text, StringComparison.Ordinal);
        Assert.Equal(string.Join('\n', blocks.Select(b => b.Text)), string.Join('\n', parts.Select(p => p.Text)));
    }

    [Fact]
    public void Split_RepeatsTheTableHeaderInEveryTablePart()
    {
        var blocks = new List<TextBlock> { new("| Lfd. Nr. | Produktbezeichnung | Gebühr |", TextBlockKind.TableHeader) };
        blocks.AddRange(Enumerable.Range(1, 30).Select(i => new TextBlock($"| {i}. | Ausstellung einer Bescheinigung Nummer {i} | {i * 5} € |", TextBlockKind.TableRow)));

        var parts = new Chunker(80).Split(blocks);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.StartsWith("| Lfd. Nr. | Produktbezeichnung | Gebühr |\n", p.Text, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.True(TokenCounter.Count(p.Text) <= 80));
        Assert.Equal(30, parts.Sum(p => p.Text.Split('\n').Count(l => l.Contains("Bescheinigung", StringComparison.Ordinal))));
    }

    [Fact]
    public void Split_CutsASingleOverlongSentenceAtCommas()
    {
        var text = "(1) Zulässig sind " + string.Join(", ", Enumerable.Range(1, 60).Select(i => $"Anlage Nummer {i}")) + ".";

        var parts = new Chunker(50).Split([new TextBlock(text, TextBlockKind.Paragraph)]);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(TokenCounter.Count(p.Text) <= 50));
        Assert.Equal(text, string.Join(' ', parts.Select(p => p.Text)));
    }
}
