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

    [Theory]
    [InlineData("ingest", "--dta", "/srv/daten")]
    [InlineData("search", "Hundesteuer", "--topp", "3")]
    [InlineData("show", "§ 35 BauGB", "--grups", "personalamt")]
    public void MistypedOption_IsAUsageError_NamingIt(params string[] args)
    {
        var error = Assert.Throws<CliUsageException>(() => VerbOptions.EnsureKnown(CliArguments.Parse(args)));

        Assert.Contains($"„{args[^2]}“", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Unbekannte Option für „wissen {args[0]}“", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "Hund", "--top", "3", "--json", "--mode", "lexical", "--law", "BauGB", "--level", "bund", "--type", "gesetz", "--date", "2025-01-01", "--as", "k", "--data", "d", "--corpus", "c")]
    [InlineData("ask", "--batch", "f.jsonl", "--json", "--groups", "a,b", "--store", "Embedded")]
    [InlineData("ingest", "--full", "--no-embed")]
    [InlineData("backup", "--to", "/sicherung")]
    [InlineData("check", "-", "--json", "--as", "k")]
    [InlineData("eval", "f.jsonl", "--baseline", "--verbose")]
    public void DocumentedOptions_AndVerbsWithOptionsOfTheirOwn_Pass(params string[] args) =>
        VerbOptions.EnsureKnown(CliArguments.Parse(args));

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

        Assert.Equal("Zeile 7: kein gültiges JSON (Fehler bei Zeichen 2); erwartet wird ein Objekt wie {\"id\": \"1\", \"question\": \"…\"}.", broken.Error);
        Assert.Equal("q1", missing.Id);
        Assert.NotNull(missing.Error);
        Assert.Null(good.Error);
        Assert.Equal([("BGB", "573b")], good.Gold);
    }
}
