using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>
/// Documents for permission tests, beside <see cref="SampleCorpus"/>: an instruction of the Personalamt (group
/// <c>Personalamt</c>, written in mixed case on purpose: stores fold it), a guideline of the Kämmerei (group
/// <c>kaemmerei</c>) and a public Bauhof guideline. All three speak of "Rufbereitschaft"; the restricted ones rank
/// above the public one for that word, so a filter applied to a finished top list would leave nothing.
/// Two readers: Anna of the Personalamt and Ben of the Kämmerei.
/// </summary>
public static class RestrictedCorpus
{
    public const string PersonalamtLaw = "Dienstanweisung Rufbereitschaft";

    public const string KaemmereiLaw = "Richtlinie Kassenbereitschaft";

    public const string PublicLaw = "Richtlinie Bauhof";

    /// <summary>A word of the Personalamt's passage that no other document holds.</summary>
    public const string PersonalamtOnlyWord = "Stundenentgelts";

    public static DocumentAccess Anna { get; } = DocumentAccess.ForGroups(["personalamt"]);

    public static DocumentAccess Ben { get; } = DocumentAccess.ForGroups(["Kaemmerei"]);

    public static SourceDocument Personalamt { get; } = new()
    {
        Id = "intern/personalamt/DA_Rufbereitschaft.md",
        Law = PersonalamtLaw,
        Title = "Dienstanweisung über die Rufbereitschaft",
        Level = Level.Intern,
        Type = DocumentType.Dienstanweisung,
        Issuer = "Gemeinde Bad Boll",
        AccessGroups = ["Personalamt"],
        ContentHash = ChunkId.ContentHash("intern/personalamt/DA_Rufbereitschaft.md"),
    };

    public static SourceDocument Kaemmerei { get; } = new()
    {
        Id = "intern/kaemmerei/RL_Kassenbereitschaft.md",
        Law = KaemmereiLaw,
        Title = "Richtlinie über die Bereitschaft der Gemeindekasse",
        Level = Level.Intern,
        Type = DocumentType.Richtlinie,
        AccessGroups = ["kaemmerei"],
        ContentHash = ChunkId.ContentHash("intern/kaemmerei/RL_Kassenbereitschaft.md"),
    };

    public static SourceDocument Bauhof { get; } = new()
    {
        Id = "kommune/GEM-BBO/BBO_Richtlinie_Bauhof.md",
        Law = PublicLaw,
        Title = "Richtlinie für den Bauhof",
        Level = Level.Kommune,
        Type = DocumentType.Richtlinie,
        ContentHash = ChunkId.ContentHash("kommune/GEM-BBO/BBO_Richtlinie_Bauhof.md"),
    };

    public static DocumentBatch PersonalamtBatch { get; } = new(Personalamt,
    [
        SampleCorpus.CreateChunk(Personalamt, new Citation(PersonalamtLaw, NormKind.Item, "1"), 0,
            "Rufbereitschaft Rufbereitschaft: die Rufbereitschaft der Beschäftigten wird mit zwölf Prozent des Stundenentgelts vergütet.",
            "Vergütung der Rufbereitschaft", []),
        SampleCorpus.CreateChunk(Personalamt, new Citation(PersonalamtLaw, NormKind.Item, "2"), 1,
            "Die Rufbereitschaft wird vom Personalamt im Dienstplan eingetragen.",
            "Dienstplan", []),
    ]);

    public static DocumentBatch KaemmereiBatch { get; } = new(Kaemmerei,
    [
        SampleCorpus.CreateChunk(Kaemmerei, new Citation(KaemmereiLaw, NormKind.Item, "1"), 0,
            "Rufbereitschaft Rufbereitschaft der Kasse: die Kasse ist in Rufbereitschaft bis zum Tagesabschluss.",
            "Kassenbereitschaft", []),
    ]);

    public static DocumentBatch BauhofBatch { get; } = new(Bauhof,
    [
        SampleCorpus.CreateChunk(Bauhof, new Citation(PublicLaw, NormKind.Item, "1"), 0,
            "Der Bauhof räumt im Winter die Gehwege der Gemeinde, bei Schneefall auch am Wochenende; dafür gilt eine Rufbereitschaft nach den Vorgaben der Gemeinde, die der Leiter des Bauhofs bekannt gibt.",
            "Winterdienst", []),
    ]);

    public static IReadOnlyList<DocumentBatch> All { get; } = [PersonalamtBatch, KaemmereiBatch, BauhofBatch];

    public static IEnumerable<Chunk> RestrictedChunks => PersonalamtBatch.Chunks.Concat(KaemmereiBatch.Chunks);
}
