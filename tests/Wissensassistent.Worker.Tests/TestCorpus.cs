using Wissensassistent.Testing;

namespace Wissensassistent.Worker.Tests;

/// <summary>A few small real corpus files, and the edits tests make to them.</summary>
internal static class TestCorpus
{
    public static readonly string[] Files = ["bund/MANIFEST.tsv", "bund/ifg.md", "bund/vwzg_2005.md", "bund/ozg.md", "land-bw/BauGBDV-BW.md"];

    /// <summary>A law that is not in the small corpus at first.</summary>
    public const string LaterFile = "bund/vig.md";

    public static void CopyTo(string corpus)
    {
        foreach (var file in Files)
        {
            Copy(corpus, file);
        }
    }

    public static void Copy(string corpus, string file)
    {
        var target = Path.Combine(corpus, file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot.Corpus, file), target, overwrite: true);
    }

    /// <summary>Changes the text of § 1 IFG.</summary>
    public static void ChangeIfgParagraph1(string corpus)
    {
        var path = Path.Combine(corpus, "bund/ifg.md");
        var text = File.ReadAllText(path);
        const string Original = "Jeder hat nach Maßgabe dieses Gesetzes";
        Assert.Contains(Original, text);
        File.WriteAllText(path, text.Replace(Original, "Jede Person hat nach Maßgabe dieses Gesetzes", StringComparison.Ordinal));
    }
}
