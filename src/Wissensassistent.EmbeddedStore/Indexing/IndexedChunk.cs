namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>What the in-memory index keeps of a chunk: enough to rank and filter, not its text.</summary>
internal sealed record IndexedChunk(
    string Id,
    string ContentHash,
    int Ordinal,
    byte Level,
    byte Type,
    bool IsRepealed,
    int ValidFrom,
    int ValidUntil,
    AnalysedTerms Terms)
{
    public static int DayOrMin(DateOnly? day) => day?.DayNumber ?? int.MinValue;

    public static int DayOrMax(DateOnly? day) => day?.DayNumber ?? int.MaxValue;
}
