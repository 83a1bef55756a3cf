using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

public sealed record SearchRequest(string Query, int Top = 10, SearchMode Mode = SearchMode.Hybrid, SearchFilter? Filter = null)
{
    /// <summary>Questions beyond this length are cut (with a notice), so that a pasted file cannot stall search.</summary>
    public const int MaxQueryLength = 8_000;
}
