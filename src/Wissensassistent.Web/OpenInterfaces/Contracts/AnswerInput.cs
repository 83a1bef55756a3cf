namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>The body of <c>POST /api/answers</c>.</summary>
/// <param name="Question">The question in German.</param>
/// <param name="History">Earlier turns of the conversation, oldest first; follow-ups are resolved against them.</param>
/// <param name="Law">Only these laws (comma-separated abbreviations, <c>BauGB,BauNVO</c>).</param>
/// <param name="Level"><c>Bund</c>, <c>Land</c>, <c>Kommune</c>, <c>Intern</c> (comma-separated).</param>
/// <param name="Type">Document types (<c>Gesetz</c>, <c>Satzung</c>, …; comma-separated).</param>
/// <param name="Date">Only texts in force on this day (<c>2025-01-31</c>).</param>
public sealed record AnswerInput(
    string Question,
    IReadOnlyList<TurnInput>? History = null,
    string? Law = null,
    string? Level = null,
    string? Type = null,
    string? Date = null);
