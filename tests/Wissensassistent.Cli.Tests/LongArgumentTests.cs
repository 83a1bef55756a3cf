using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>
/// A 50 KB command-line argument with the local MiniLM model: the ONNX runtime's telemetry used to overflow its
/// stack on the long command line when the model loaded (exit 134). Real child processes, as the command is used.
/// </summary>
public sealed class LongArgumentTests : IDisposable
{
    private static readonly string FiftyKilobytes = string.Concat(Enumerable.Repeat("Baugenehmigung ", 3_400))[..50_000];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SearchHybrid_FiftyKilobyteQuery_IsShortenedWithANotice_AndDoesNotCrash()
    {
        var result = await RunAsync("search", FiftyKilobytes, "--mode", "hybrid");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("auf 8.000 Zeichen gekürzt", result.Output + result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchHybrid_ShortQueryBesideAFiftyKilobyteOption_DoesNotCrash()
    {
        var result = await RunAsync("search", "Hundesteuer", "--mode", "hybrid", "--law", FiftyKilobytes);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Fatal error", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(60_000)]
    public async Task Ask_QuestionBeyondTheChatMaximum_IsRefusedInGerman_WithExitCode2(int length)
    {
        var question = string.Concat(Enumerable.Repeat("Baugenehmigung ", 4_000))[..length];

        var result = await RunAsync("ask", question);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("zu lang; erlaubt sind höchstens 8.000 Zeichen", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionAtTheChatMaximum_IsAnswered()
    {
        var question = "Wie hoch ist die Hundesteuer? " + new string('x', 10) + string.Concat(Enumerable.Repeat(" Hund", 2_000))[..7_900];

        var result = await RunAsync("ask", question);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private Task<CliResult> RunAsync(params string[] arguments)
    {
        var corpus = _folder.Combine("corpus");
        const string satzung = "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md";
        if (!Directory.Exists(corpus))
        {
            Directory.CreateDirectory(Path.Combine(corpus, "kommune", "GEM-BBO"));
            File.Copy(Path.Combine(RepositoryRoot.Corpus, satzung), Path.Combine(corpus, satzung));
        }

        var environment = new Dictionary<string, string?>
        {
            ["LanguageModels__Embeddings__Provider"] = "MiniLm",
            ["Store__Provider"] = "Embedded",
            ["ORT_DISABLE_TELEMETRY"] = null,
        };
        return CliProcess.RunAsync(environment, [.. arguments, "--data", _folder.Combine("data"), "--corpus", corpus]);
    }
}
