namespace Wissensassistent.Core.Answering;

/// <summary>The final, verified answer.</summary>
/// <param name="Text">Answer text (Markdown) with markers <c>[n]</c>, after verification.</param>
/// <param name="Refused">True when the corpus holds nothing relevant enough; <paramref name="Text"/> says so and names the nearest norms.</param>
/// <param name="Notices">German notices ("Extraktive Antwort ohne Sprachmodell", "Sprachmodell nicht erreichbar ...").</param>
public sealed record Answer(
    string Question,
    AnswerMode Mode,
    string Text,
    bool Refused,
    IReadOnlyList<AnswerCitation> Citations,
    VerificationReport Checks,
    IReadOnlyList<string> Notices);
