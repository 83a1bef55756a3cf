namespace Wissensassistent.Core.Answering;

/// <summary>A sentence's position in a text: <c>text.Substring(Start, Length)</c>.</summary>
public readonly record struct SentenceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}
