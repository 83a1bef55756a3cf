using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Ingestion;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Testing;
using Wissensassistent.Web.Admin;

namespace Wissensassistent.Web.Tests.Admin;

public sealed class CorpusUploadsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-upload");
    private readonly CorpusUploads _uploads;

    public CorpusUploadsTests()
    {
        Directory.CreateDirectory(Path.Combine(CorpusPath, "kommune"));
        File.WriteAllText(Path.Combine(CorpusPath, "kommune", "vorhanden.md"), "# Ausgeliefert");
        var roots = new CorpusRoots(Options.Create(new CorpusOptions { Path = CorpusPath }), Options.Create(new DataFolder { Directory = _folder.Combine("data") }));
        UploadsPath = roots.Uploads;
        _uploads = new CorpusUploads(Options.Create(new AdminOptions { MaxUploadMegabytes = 1 }), roots, new CorpusDocumentParserFactory(Options.Create(new ChunkingOptions())), NullLogger<CorpusUploads>.Instance);
    }

    private string CorpusPath => _folder.Combine("corpus");

    private string UploadsPath { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        // The shipped corpus is never written: exactly what the test put there.
        Assert.Equal([Path.Combine(CorpusPath, "kommune", "vorhanden.md")], Directory.EnumerateFiles(CorpusPath, "*", SearchOption.AllDirectories));
        _folder.Dispose();
    }

    private Task<CorpusUploadResult> SaveAsync(string name, string text, string? folder = null, bool replace = false, long? declared = null, IReadOnlyList<string>? groups = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _uploads.SaveAsync(name, folder, declared ?? bytes.Length, new MemoryStream(bytes), replace, groups, Ct);
    }

    [Fact]
    public async Task Upload_ForGroups_IsRecordedInTheUploadsAccessFile_BeforeItIsReadable()
    {
        var restricted = await SaveAsync("dienstanweisung.md", "# DA\n\n1. Nur intern.", "kommune", groups: ["Personalamt"]);
        var open = await SaveAsync("satzung.md", "# Satzung\n\n§ 1 Geltung", "kommune");

        Assert.True(restricted.IsWritten);
        Assert.True(open.IsWritten);
        var access = CorpusAccess.Read(UploadsPath);
        Assert.Equal(["personalamt"], access.GroupsFor("kommune/dienstanweisung.md"));
        Assert.Empty(access.GroupsFor("kommune/satzung.md"));
        Assert.Equal(["personalamt"], _uploads.AccessOf("kommune/dienstanweisung.md"));
    }

    [Fact]
    public async Task Replacing_AnUploadWithoutGroups_MakesItPublic()
    {
        await SaveAsync("dienstanweisung.md", "# DA\n\n1. Nur intern.", "kommune", groups: ["personalamt"]);

        var replaced = await SaveAsync("dienstanweisung.md", "# DA\n\n1. Jetzt öffentlich.", "kommune", replace: true);

        Assert.Equal(CorpusUploadStatus.Replaced, replaced.Status);
        Assert.Empty(CorpusAccess.Read(UploadsPath).GroupsFor("kommune/dienstanweisung.md"));
    }

    private const string Satzung = "# Satzung über die Straßenreinigung\n\n## § 1 Reinigungspflicht\n\n(1) Die Gehwege sind wöchentlich zu reinigen.\n";

    [Theory]
    [InlineData("heading-only", "keinen verwertbaren Text")]
    [InlineData("binary", "Binärdaten")]
    public async Task UnreadableReplacement_IsRefusedWithIngestionsReason_AndTheUploadItWasToReplaceStays(string kind, string reason)
    {
        Assert.True((await SaveAsync("satzung.md", Satzung, "kommune")).IsWritten);
        var broken = kind == "binary" ? "# Satzung\n\0\0\u0001binär" : "# Satzung über nichts";

        var replaced = await SaveAsync("satzung.md", broken, "kommune", replace: true);

        Assert.Equal(CorpusUploadStatus.Rejected, replaced.Status);
        Assert.Contains(reason, replaced.Message, StringComparison.Ordinal);
        Assert.Contains("„hochgeladen/kommune/satzung.md“ bleibt unverändert", replaced.Message, StringComparison.Ordinal);
        Assert.Equal(Satzung, await File.ReadAllTextAsync(Path.Combine(UploadsPath, "kommune", "satzung.md"), Ct));
        Assert.Single(AllFiles());
    }

    private IEnumerable<string> AllFiles() => Directory.Exists(UploadsPath) ? Directory.EnumerateFiles(UploadsPath, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task ValidMarkdown_LandsInTheChosenCorpusFolder()
    {
        var result = await SaveAsync("Satzung Straßenreinigung.md", Satzung, "kommune");

        Assert.Equal(CorpusUploadStatus.Saved, result.Status);
        Assert.Equal("hochgeladen/kommune/Satzung Straßenreinigung.md", result.RelativePath);
        Assert.Equal(Satzung, await File.ReadAllTextAsync(Path.Combine(UploadsPath, "kommune", "Satzung Straßenreinigung.md"), Ct));
        Assert.Single(AllFiles());
    }

    [Theory]
    [InlineData("programm.exe")]
    [InlineData("seite.html")]
    [InlineData("ohne-endung")]
    public async Task WrongExtension_IsRejectedInGerman(string name)
    {
        var result = await SaveAsync(name, "x");

        Assert.Equal(CorpusUploadStatus.Rejected, result.Status);
        Assert.Contains("Erlaubt sind .md, .txt, .pdf, .docx", result.Message, StringComparison.Ordinal);
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task Oversize_IsRejected_ByDeclaredSizeAndByActualContent()
    {
        var declared = await SaveAsync("gross.pdf", "x", declared: 2 * 1024 * 1024);
        var lying = await SaveAsync("gross.txt", new string('a', (1024 * 1024) + 1), declared: 10);

        Assert.Equal(CorpusUploadStatus.Rejected, declared.Status);
        Assert.Contains("zu groß", declared.Message, StringComparison.Ordinal);
        Assert.Equal(CorpusUploadStatus.Rejected, lying.Status);
        Assert.Empty(AllFiles());
    }

    [Theory]
    [InlineData("../ausserhalb.md")]
    [InlineData("..\\ausserhalb.md")]
    [InlineData("/etc/passwd.md")]
    [InlineData("kommune/satzung.md")]
    [InlineData(".versteckt.md")]
    [InlineData("a..md")]
    public async Task TraversalOrPathNames_AreRejected(string name)
    {
        var result = await SaveAsync(name, "x");

        Assert.Equal(CorpusUploadStatus.Rejected, result.Status);
        Assert.Contains("nicht zulässig", result.Message, StringComparison.Ordinal);
        Assert.Empty(AllFiles());
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(UploadsPath)!, "ausserhalb.md")));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("gibt-es-nicht")]
    public async Task UnknownOrTraversalFolders_AreRejected(string folder)
    {
        var result = await SaveAsync("satzung.md", "x", folder);

        Assert.Equal(CorpusUploadStatus.Rejected, result.Status);
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task ExistingFile_IsKeptUntilReplacingIsConfirmed()
    {
        await SaveAsync("ifg.md", "alt");

        var second = await SaveAsync("ifg.md", "neu");
        var kept = await File.ReadAllTextAsync(Path.Combine(UploadsPath, "ifg.md"), Ct);
        var confirmed = await SaveAsync("ifg.md", "neu", replace: true);

        Assert.Equal(CorpusUploadStatus.Exists, second.Status);
        Assert.Equal("alt", kept);
        Assert.Equal(CorpusUploadStatus.Replaced, confirmed.Status);
        Assert.Equal("neu", await File.ReadAllTextAsync(Path.Combine(UploadsPath, "ifg.md"), Ct));
        Assert.Single(AllFiles());
    }
}
