namespace Wissensassistent.Core.Answering;

/// <summary>A quotation in answer text.</summary>
/// <param name="Start">Position of the opening quote mark.</param>
/// <param name="Length">Length including both quote marks.</param>
/// <param name="Content">The quoted words, without the marks.</param>
public sealed record Quotation(int Start, int Length, string Content)
{
    public int End => Start + Length;
}
