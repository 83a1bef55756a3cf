using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>
/// <c>Store:Provider=Qdrant</c> with nothing listening (port 1 on localhost): every verb ends with the German message,
/// exit code 4 and no stack trace. Real child processes: an unhandled exception used to abort the process (exit 134).
/// </summary>
public sealed class StoreOutageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("search", "Hundesteuer")]
    [InlineData("search", "Hundesteuer", "--mode", "hybrid")]
    [InlineData("show", "§ 1 Hundesteuersatzung Bad Boll")]
    [InlineData("ingest", "--no-embed")]
    [InlineData("ask", "Wie hoch ist die Hundesteuer?")]
    public async Task Verb_QdrantUnreachable_EndsWithGermanMessage_ExitCode4_NoStackTrace(params string[] arguments)
    {
        var corpus = _folder.Combine("corpus");
        Directory.CreateDirectory(Path.Combine(corpus, "kommune", "GEM-BBO"));
        File.Copy(
            Path.Combine(RepositoryRoot.Corpus, "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md"),
            Path.Combine(corpus, "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md"));
        var environment = new Dictionary<string, string?>
        {
            ["Store__Provider"] = "Qdrant",
            ["Qdrant__Url"] = "http://127.0.0.1:1",
            ["LanguageModels__Embeddings__Provider"] = "None",
        };

        var result = await CliProcess.RunAsync(environment, [.. arguments, "--data", _folder.Combine("data"), "--corpus", corpus]);

        Assert.True(result.ExitCode == StoreOutage.ExitCode, result.ToString());
        Assert.Contains("Qdrant unter http://127.0.0.1:1 nicht erreichbar", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Errors, StringComparison.Ordinal);
    }
}
