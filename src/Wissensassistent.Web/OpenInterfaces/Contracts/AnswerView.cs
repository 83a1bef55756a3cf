namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>The verified answer.</summary>
/// <param name="Text">Markdown with markers <c>[n]</c> that point into <paramref name="Citations"/>.</param>
/// <param name="Refused">True when the corpus holds nothing relevant: the text says so and names the nearest norms.</param>
/// <param name="Mode"><c>Extractive</c> (verbatim sentences, no language model) or <c>Generative</c>.</param>
public sealed record AnswerView(
    string Question,
    string Mode,
    string Text,
    bool Refused,
    IReadOnlyList<AnswerCitationView> Citations,
    AnswerChecksView Checks,
    IReadOnlyList<string> Notices);
