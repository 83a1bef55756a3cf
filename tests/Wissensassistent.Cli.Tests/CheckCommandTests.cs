using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Cli.Commands;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>
/// <c>wissen check</c> on a Bescheid made for the test, against the real norms: right, wrong, repealed and displaced
/// citations and one altered quotation.
/// </summary>
public sealed class CheckCommandTests(IngestedCorpus corpus) : IDisposable
{
    private const string Draft = """
        # Ablehnung des Bauantrags vom 3. März 2025

        Das Vorhaben liegt im Außenbereich. Nach § 35 Abs. 2 BauGB können sonstige Vorhaben „im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt“.

        Nach § 35 Abs. 1 BauGB ist ein Vorhaben im Außenbereich „stets zulässig, wenn öffentliche Belange nicht entgegenstehen“.

        Eine Veränderungssperre nach § 20 BauGB besteht nicht. Einen Anspruch aus § 35c BauGB hat der Antragsteller nicht.

        Dieser Bescheid gilt nach § 41 Abs. 2 VwVfG am dritten Tag nach der Aufgabe zur Post als bekannt gegeben.
        """;

    private static readonly string[] CorpusFiles =
    [
        "bund/MANIFEST.tsv",
        "bund/bbaug.md",
        "bund/vwvfg.md",
        "land-bw/LVwVfG-BW_TEIL-1_Anwendungsbereich_oertliche-Zustaendigkeit_elektronische-Kommunikation_Amtshilfe_europaeische-Verwaltungszusammenarbeit.md",
        "land-bw/LVwVfG-BW_TEIL-3_Verwaltungsakt.md",
    ];

    private readonly TemporaryFolder _folder = new("wissen-check");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Report_OnTheShippedCorpus_NamesEachStatus_TheDisplacingLaw_AndTheChangedWord()
    {
        var report = await corpus.Services.GetRequiredService<DraftCitationCheck>().CheckAsync(Draft, Core.Storage.DocumentAccess.Public, TestContext.Current.CancellationToken);
        using var output = new StringWriter();

        CheckCommand.Write(output, "Bescheid.md", report);

        var text = output.ToString();
        Assert.Contains("§ 35 Abs. 2 BauGB – ✓ gefunden", text, StringComparison.Ordinal);
        Assert.Contains("§ 20 BauGB – ✗ weggefallen", text, StringComparison.Ordinal);
        Assert.Contains("§ 35c BauGB – ✗ nicht gefunden", text, StringComparison.Ordinal);
        Assert.Contains("Nächstgelegene Normen: ", text, StringComparison.Ordinal);
        Assert.Contains("§ 41 Abs. 2 VwVfG – ⚠ verdrängt durch Landesrecht (LVwVfG)", text, StringComparison.Ordinal);
        Assert.Contains("Stattdessen: § 41 Abs. 2 LVwVfG.", text, StringComparison.Ordinal);
        Assert.Contains("Wortlaut im LVwVfG: „vierten“ statt „dritten“ (2-mal)", text, StringComparison.Ordinal);
        Assert.Contains("✓ wörtlich in § 35 Abs. 2 BauGB", text, StringComparison.Ordinal);
        Assert.Contains("✗ Zitat abweichend: „stets“ statt „nur“", text, StringComparison.Ordinal);
        Assert.Contains("Stand: ", text, StringComparison.Ordinal);
        Assert.Contains("Ergebnis: 5 Fundstellen: 2 gefunden, 1 nicht gefunden, 1 weggefallen, 1 verdrängt; 2 Zitate: 1 wörtlich, 1 abweichend.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WissenCheck_Json_ListsEveryCitationAndQuotation_ExitCode3()
    {
        var draft = _folder.Combine("Bescheid.md");
        await File.WriteAllTextAsync(draft, Draft, TestContext.Current.CancellationToken);

        var result = await RunAsync("check", draft, "--json");

        Assert.True(result.ExitCode == CheckCommand.FindingsExitCode, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("hasFindings").GetBoolean());
        Assert.Equal(
            ["resolved", "resolved", "repealed", "notFound", "displaced"],
            root.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        var displaced = root.GetProperty("citations")[4].GetProperty("displaced");
        Assert.Equal("LVwVfG", displaced.GetProperty("applies").GetString());
        Assert.Equal("§ 41 Abs. 2 LVwVfG", displaced.GetProperty("parallel").GetString());
        Assert.Equal(["verbatim", "altered"], root.GetProperty("quotations").EnumerateArray().Select(q => q.GetProperty("status").GetString()));
        var difference = Assert.Single(root.GetProperty("quotations")[1].GetProperty("differences").EnumerateArray());
        Assert.Equal("stets", difference.GetProperty("draft").GetString());
        Assert.Equal("nur", difference.GetProperty("passage").GetString());
    }

    [Fact]
    public async Task WissenCheck_CleanDraft_ExitCode0()
    {
        var draft = _folder.Combine("Vermerk.txt");
        await File.WriteAllTextAsync(draft, "Nach § 41 Abs. 2 LVwVfG gilt der Bescheid „am vierten Tag nach der Aufgabe zur Post als bekannt gegeben“.", TestContext.Current.CancellationToken);

        var result = await RunAsync("check", draft);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("§ 41 Abs. 2 LVwVfG – ✓ gefunden", result.Output, StringComparison.Ordinal);
        Assert.Contains("Ergebnis: 1 Fundstelle: 1 gefunden,", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 Zitat: 1 wörtlich, 0 abweichend", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WissenCheck_UnsupportedOrMissingFile_GermanError_ExitCode1_NoArgument_ExitCode2()
    {
        var unsupported = _folder.Combine("Bescheid.odt");
        await File.WriteAllTextAsync(unsupported, "x", TestContext.Current.CancellationToken);

        var odt = await RunAsync("check", unsupported);
        var missing = await RunAsync("check", _folder.Combine("gibt-es-nicht.docx"));
        var none = await RunAsync("check");
        var folder = await RunAsync("check", _folder.Path);

        Assert.True(odt.ExitCode == 1, odt.ToString());
        Assert.Contains("Das Dateiformat „.odt“ wird nicht unterstützt", odt.Errors, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("gibt es nicht", missing.Errors, StringComparison.Ordinal);
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.True(folder.ExitCode == 1, folder.ToString());
        Assert.Contains("ist ein Ordner; bitte eine Datei angeben", folder.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", odt.Errors + missing.Errors + none.Errors, StringComparison.Ordinal);
    }

    private async Task<CliResult> RunAsync(params string[] arguments)
    {
        var corpusPath = _folder.Combine("corpus");
        foreach (var file in CorpusFiles)
        {
            var target = Path.Combine(corpusPath, file);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(RepositoryRoot.Corpus, file), target);
            }
        }

        var environment = new Dictionary<string, string?> { ["LanguageModels__Embeddings__Provider"] = "None", ["Store__Provider"] = "Embedded" };
        return await CliProcess.RunAsync(environment, [.. arguments, "--data", _folder.Combine("data"), "--corpus", corpusPath]);
    }
}
