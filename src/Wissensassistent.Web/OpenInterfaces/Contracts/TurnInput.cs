namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>An earlier question and the answer it got.</summary>
public sealed record TurnInput(string Question, string Answer);
