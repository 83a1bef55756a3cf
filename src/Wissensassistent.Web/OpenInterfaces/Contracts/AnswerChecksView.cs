namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>What was checked before the answer was final.</summary>
public sealed record AnswerChecksView(
    bool Passed,
    int Markers,
    int InvalidMarkers,
    int Quotations,
    int UnverifiedQuotations,
    int UnsupportedSentences,
    IReadOnlyList<string> Issues);
