using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.References;

/// <summary>A reference's target checked against the corpus.</summary>
/// <param name="Target">The address as the reference names it.</param>
/// <param name="Norm">The norm as the corpus holds it (law spelt as stored; a repealed run's heading such as <c>1321 bis 1352</c>); null when not held.</param>
public sealed record ReferenceTarget(Citation Target, ReferenceOutcome Outcome, Citation? Norm)
{
    public bool IsLink => Outcome == ReferenceOutcome.Resolved;

    /// <summary>The norm view's address with the cited Absatz, Satz and Nummer: <c>/norm/BauGB/34?abs=1&amp;satz=2</c>; null unless resolved.</summary>
    public string? Href => Norm is null || !IsLink ? null : NormAddress.PathOf(Norm with { Absatz = Target.Absatz, Satz = Target.Satz, Nummer = Target.Nummer }, withDetails: true);

    /// <summary>A German line for a tooltip or a Vermerk: what the reference points to, and why it is no link.</summary>
    public string Description => Outcome switch
    {
        ReferenceOutcome.Resolved => CitationFormatter.Format(Target),
        ReferenceOutcome.Repealed => Norm is { } norm && !string.Equals(norm.Section, Target.Section, StringComparison.OrdinalIgnoreCase)
            ? $"{CitationFormatter.FormatNorm(Target)} ist weggefallen ({CitationFormatter.FormatNorm(norm)})."
            : $"{CitationFormatter.FormatNorm(Target)} ist weggefallen.",
        ReferenceOutcome.NormOutsideCorpus => $"{CitationFormatter.FormatNorm(Target)} ist im Bestand nicht vorhanden.",
        _ => $"„{Target.Law}“ ist nicht im Bestand: {CitationFormatter.Format(Target)} kann nicht geöffnet werden.",
    };
}
