namespace Wissensassistent.Core.Citations;

public enum NormKind
{
    /// <summary>A paragraph: <c>§ 35 BauGB</c>.</summary>
    Paragraph,

    /// <summary>An article: <c>Art. 20 GG</c>.</summary>
    Article,

    /// <summary>A numbered section of a guideline: <c>Richtlinie Ehrungen Bad Boll, Nr. 2.1</c>.</summary>
    Item,

    /// <summary>A heading of a text without numbered norms (preamble, annex, unnumbered section).</summary>
    Section,
}
