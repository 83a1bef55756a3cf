using Wissensassistent.Ingestion.Markdown;

namespace Wissensassistent.Ingestion.Tests;

public sealed class FrontMatterReaderTests
{
    [Fact]
    public void Read_FoldsIndentedContinuationLines_AndReadsBothListStyles()
    {
        string[] lines =
        [
            "---",
            "Title: Gesetz zum Schutz vor schädlichen Umwelteinwirkungen,",
            "  Geräusche und ähnliche Vorgänge",
            "tags: [typ-rechtsnorm, quelle-gesetz]",
            "kategorien:",
            "  - eins",
            "  - zwei",
            "---",
            "# Überschrift",
        ];
        var warnings = new List<string>();

        var (frontMatter, bodyStart) = FrontMatterReader.Read(lines, warnings);

        Assert.Equal("Gesetz zum Schutz vor schädlichen Umwelteinwirkungen, Geräusche und ähnliche Vorgänge", frontMatter.Get("title"));
        Assert.Equal(["typ-rechtsnorm", "quelle-gesetz"], frontMatter.GetList("tags"));
        Assert.Equal(["eins", "zwei"], frontMatter.GetList("kategorien"));
        Assert.Equal(8, bodyStart);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_EndsAtTheFirstNonYamlLine_WhenTheClosingDelimiterIsMissing()
    {
        string[] lines = ["", "---", "titel: Gemeindeordnung (GemO)/VIERTER TEIL", "version: 1.0", "", "# Gemeindeordnung (GemO)"];
        var warnings = new List<string>();

        var (frontMatter, bodyStart) = FrontMatterReader.Read(lines, warnings);

        Assert.Equal("Gemeindeordnung (GemO)/VIERTER TEIL", frontMatter.Get("titel"));
        Assert.Equal(5, bodyStart);
        Assert.Single(warnings);
    }

    [Fact]
    public void Read_WithoutFrontMatter_StartsTheBodyAtTheTop()
    {
        var (frontMatter, bodyStart) = FrontMatterReader.Read(["# Hauptsatzung des Landkreises Göppingen", "", "Text"], []);

        Assert.True(frontMatter.IsEmpty);
        Assert.Equal(0, bodyStart);
    }
}
