namespace Wissensassistent.Core.Text;

internal enum LexKind : byte
{
    /// <summary>Letters, possibly with digits after the first letter: <c>Baugesetzbuch</c>, <c>BauGB</c>, <c>SGBX</c>.</summary>
    Word,

    /// <summary>Starts with a digit: <c>35</c>, <c>573b</c>, <c>2.1</c>, <c>165,00</c>.</summary>
    Number,

    /// <summary><c>§</c> (length 1) or <c>§§</c> (length 2).</summary>
    SectionSign,

    /// <summary>Any other single non-space character.</summary>
    Punctuation,
}

/// <summary>A span of the source text; <paramref name="HyphenJoined"/> marks a word glued to the previous one by a hyphen.</summary>
internal readonly record struct LexToken(int Start, int Length, LexKind Kind, bool HyphenJoined)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, Length);

    public bool IsWordOrNumber => Kind is LexKind.Word or LexKind.Number;

    public bool IsPunctuation(string text, char c) => Kind == LexKind.Punctuation && text[Start] == c;
}
