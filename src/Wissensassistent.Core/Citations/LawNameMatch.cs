namespace Wissensassistent.Core.Citations;

/// <summary>A law name found at a token position: the canonical abbreviation and how many tokens the name spans.</summary>
internal readonly record struct LawNameMatch(string Law, int TokenCount, NormKind DefaultKind);
