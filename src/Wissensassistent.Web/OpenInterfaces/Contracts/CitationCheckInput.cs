namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>The body of <c>POST /api/citation-checks</c>: the text whose citations are checked.</summary>
public sealed record CitationCheckInput(string? Text);
