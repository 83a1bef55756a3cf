namespace Wissensassistent.Cli.Tests;

public sealed class CliArgumentsTests
{
    [Fact]
    public void Parse_ReadsVerbPositionalsOptionsAndFlags()
    {
        var args = CliArguments.Parse(["search", "§ 35 BauGB", "--top", "5", "--json", "--data=/tmp/x"]);

        Assert.Equal("search", args.Verb);
        Assert.Equal(["§ 35 BauGB"], args.Positional);
        Assert.Equal(5, args.GetInt("top", 10));
        Assert.True(args.Has("json"));
        Assert.Equal("/tmp/x", args.Get("data"));
    }

    [Fact]
    public void Parse_FlagBeforeAnOptionDoesNotSwallowIt()
    {
        // "--baseline --law BGB" once read "--law" as the baseline's value and silently evaluated the whole corpus.
        var args = CliArguments.Parse(["eval", "f.jsonl", "--baseline", "--law", "BGB", "--verbose", "--mode", "lexical"]);

        Assert.Equal(["f.jsonl"], args.Positional);
        Assert.True(args.Has("baseline"));
        Assert.Equal("BGB", args.Get("law"));
        Assert.Equal("true", args.Get("verbose"));
        Assert.Equal("lexical", args.Get("mode"));
    }

    [Fact]
    public void GetInt_RejectsNonNumbersWithGermanMessage()
    {
        var args = CliArguments.Parse(["search", "x", "--top", "viele"]);

        var error = Assert.Throws<CliUsageException>(() => args.GetInt("top", 10));
        Assert.Contains("positive ganze Zahl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationOverrides_MapDataAndCorpusOptions()
    {
        var args = CliArguments.Parse(["ingest", "--data", "d", "--corpus", "/c"]);

        var overrides = args.ConfigurationOverrides().ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("d", overrides["Data:Directory"]);
        Assert.Equal("/c", overrides["Corpus:Path"]);
    }

    [Fact]
    public void BatchQuestion_BrokenLineBecomesErrorEntry()
    {
        var broken = BatchQuestions.Parse("{not json", 7);
        var missing = BatchQuestions.Parse("""{"id":"q1"}""", 8);
        var good = BatchQuestions.Parse("""{"id":"q2","question":"Was gilt?","gold":[{"law":"BGB","section":"573b"}]}""", 9);

        Assert.Contains("Zeile 7", broken.Error, StringComparison.Ordinal);
        Assert.Equal("q1", missing.Id);
        Assert.NotNull(missing.Error);
        Assert.Null(good.Error);
        Assert.Equal([("BGB", "573b")], good.Gold);
    }
}
