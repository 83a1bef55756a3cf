namespace Wissensassistent.Cli.Evaluation;

/// <summary>Averages of one system over a question set.</summary>
public sealed record EvaluationSummary(
    string System,
    int Questions,
    double RecallAt1,
    double RecallAt5,
    double RecallAt10,
    double RecallAt100,
    double HitAt10,
    double MrrAt10,
    double NdcgAt10,
    double LatencyP50Ms,
    double LatencyP95Ms);
