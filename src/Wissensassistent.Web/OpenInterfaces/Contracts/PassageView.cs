namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>A passage verbatim, with its address, Stand and source, as every interface returns it.</summary>
/// <param name="Citation">As lawyers cite it: <c>§ 35 Abs. 1 BauGB</c>.</param>
/// <param name="Source">The source file below the corpus (<c>bund/baugb.md</c>; uploads under <c>hochgeladen/</c>).</param>
/// <param name="Link">The norm in the web app, relative to its address (<c>/norm/BauGB/35</c>).</param>
/// <param name="Repealed">"weggefallen": the address resolves, the text is no longer in force.</param>
public sealed record PassageView(
    string Citation,
    string Law,
    string LawTitle,
    string? NormTitle,
    string HeadingPath,
    string Text,
    string? Stand,
    string Source,
    string Link,
    bool Repealed,
    string Level,
    string Type,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil);
