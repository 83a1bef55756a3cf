using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Core.Answering;

/// <summary>How answers are found, judged and written (<c>Answering</c> section).</summary>
public sealed class AnswerOptions
{
    public const string SectionName = "Answering";

    /// <summary>Share of the question's content words a passage must contain to count as relevant (see <see cref="RelevanceAssessor"/>).</summary>
    [Range(0.0, 1.0)]
    public double MinTermCoverage { get; set; } = 0.15;

    /// <summary>Content words a passage must contain at least (fewer when the question has fewer).</summary>
    [Range(1, 10)]
    public int MinMatchedTerms { get; set; } = 2;

    [Range(1, 10)]
    public int MinExtractiveSentences { get; set; } = 2;

    [Range(1, 10)]
    public int MaxExtractiveSentences { get; set; } = 5;

    /// <summary>
    /// Further units for each further part of the question (<see cref="QuestionParts"/>): "Wer unterschreibt, und bis
    /// wann?" asks two facts, each with its conditions.
    /// </summary>
    [Range(0, 5)]
    public int ExtraSentencesPerQuestionPart { get; set; } = 3;

    /// <summary>Longer sentences are quoted in part, with "…" for what is left out.</summary>
    [Range(80, 4000)]
    public int MaxQuoteLength { get; set; } = 450;

    /// <summary>Norms named when the answer is refused.</summary>
    [Range(0, 10)]
    public int NearestNormsOnRefusal { get; set; } = 3;

    /// <summary>
    /// Longest wait for the next piece of a generated answer; then the answer falls back to extractive. Guards against a
    /// server that accepts the request and then stalls.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:30:00")]
    public TimeSpan ModelIdleTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Sampling temperature sent to the chat model; low keeps it close to the sources. Leave empty for models that reject
    /// the parameter (some reasoning models), or every answer would fall back to extractive.
    /// </summary>
    [Range(0.0, 2.0)]
    public float? Temperature { get; set; } = 0.1f;

    /// <summary>Ask the chat model to rewrite follow-up questions (one extra call); otherwise a heuristic does it.</summary>
    public bool RewriteFollowUpsWithModel { get; set; }
}
