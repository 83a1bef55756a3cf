namespace Wissensassistent.Cli.Evaluation;

/// <summary>One staff question scored: where the gold norm ranked, what the answer cited and stated.</summary>
/// <param name="FirstGoldRank">1-based rank of the first gold norm among distinct norms, or null when not in the ranking.</param>
/// <param name="FactsStated">How many of <paramref name="FactsTotal"/> key facts the answer text contains.</param>
public sealed record AnswerOutcome(
    string Id,
    bool Answerable,
    int? FirstGoldRank,
    bool Refused,
    bool GoldCited,
    int FactsStated,
    int FactsTotal,
    IReadOnlyList<string> Cited,
    double LatencyMs)
{
    public bool AllFactsStated => FactsTotal > 0 && FactsStated == FactsTotal;
}
