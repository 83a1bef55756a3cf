using Wissensassistent.Cli.Commands;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary><c>wissen show</c> in a child process: a citation the corpus lacks is not reported as a store outage.</summary>
public sealed class ShowExitCodeTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("§ 99 Hundesteuersatzung Bad Boll", "gibt es im Bestand nicht")]
    [InlineData("blablabla", "keine Fundstelle")]
    public async Task CitationNotFound_ExitsWithTheNotFoundCode_NotTheStoreOutageCode(string citation, string message)
    {
        var corpus = _folder.Combine("corpus");
        Directory.CreateDirectory(Path.Combine(corpus, "kommune", "GEM-BBO"));
        File.Copy(
            Path.Combine(RepositoryRoot.Corpus, "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md"),
            Path.Combine(corpus, "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md"));
        var environment = new Dictionary<string, string?> { ["LanguageModels__Embeddings__Provider"] = "None", ["Store__Provider"] = null };

        var result = await CliProcess.RunAsync(environment, "show", citation, "--data", _folder.Combine("data"), "--corpus", corpus);

        Assert.True(result.ExitCode == ShowCommand.NotFoundExitCode, result.ToString());
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }
}
