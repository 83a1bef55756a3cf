namespace Wissensassistent.Core.Answering;

/// <summary>What was checked before the answer was shown as final.</summary>
/// <param name="Markers">Markers found in the answer.</param>
/// <param name="InvalidMarkers">Markers that pointed to no retrieved passage (removed from the text).</param>
/// <param name="Quotations">Quotations checked against their cited passage.</param>
/// <param name="UnverifiedQuotations">Quotations not found verbatim (marked in the text).</param>
/// <param name="UnsupportedSentences">Sentences with a claim and no marker (flagged).</param>
/// <param name="Issues">German descriptions of every problem found, for display.</param>
public sealed record VerificationReport(
    int Markers,
    int InvalidMarkers,
    int Quotations,
    int UnverifiedQuotations,
    int UnsupportedSentences,
    IReadOnlyList<string> Issues)
{
    public static readonly VerificationReport Empty = new(0, 0, 0, 0, 0, []);

    public bool Passed => InvalidMarkers == 0 && UnverifiedQuotations == 0 && UnsupportedSentences == 0;
}
