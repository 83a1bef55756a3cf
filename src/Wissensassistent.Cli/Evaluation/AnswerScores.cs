namespace Wissensassistent.Cli.Evaluation;

/// <summary>What <c>wissen eval</c> reports for questions in the staff format (answers scored, not only retrieval).</summary>
/// <param name="Answerable">Questions the corpus answers.</param>
/// <param name="NotAnswerable">Questions it does not.</param>
/// <param name="HitAt1">Share of the answerable questions with a gold norm as the first norm of the ranking.</param>
/// <param name="GoldCited">Share of the answerable questions whose answer cites a gold norm.</param>
/// <param name="FactsStatedAndGoldCited">Share of the answerable questions whose answer text contains every key fact and cites a gold norm.</param>
/// <param name="FactShare">Mean share of the key facts the answer text contains (answerable questions).</param>
/// <param name="RefusalPrecision">Refused questions that were not answerable, among all refused (1 when none was refused).</param>
/// <param name="RefusalRecall">Not answerable questions that were refused, among all not answerable.</param>
public sealed record AnswerScores(
    int Answerable,
    int NotAnswerable,
    double HitAt1,
    double HitAt5,
    double HitAt10,
    double GoldCited,
    double FactsStatedAndGoldCited,
    double FactShare,
    int RefusedAnswerable,
    int RefusedNotAnswerable,
    double RefusalPrecision,
    double RefusalRecall,
    double LatencyP50Ms,
    double LatencyP95Ms);
