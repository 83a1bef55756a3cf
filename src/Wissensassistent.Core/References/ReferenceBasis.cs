namespace Wissensassistent.Core.References;

/// <summary>Where the law and norm of a <see cref="CrossReference"/> come from.</summary>
public enum ReferenceBasis
{
    /// <summary>The law is named beside the norm: <c>§ 3 Abs. 2 BauGB</c>, <c>§ 4 der Gemeindeordnung</c>.</summary>
    Explicit,

    /// <summary>A norm of the referring law: <c>§ 34</c>, <c>§§ 12 bis 14</c>, <c>§ 5 dieses Gesetzes</c>.</summary>
    SameLaw,

    /// <summary>A part of the referring norm or its neighbour: <c>nach Absatz 1</c>, <c>Satz 2</c>, <c>der vorstehenden Vorschrift</c>.</summary>
    Relative,

    /// <summary>
    /// The law from the context: of a joined citation (<c>§ 35 i. V. m. § 34 BauGB</c>, <c>§ 18 GemO i. V. m. § 5</c>) or
    /// named before in the sentence (<c>die Vorschriften des Dritten Buches über … (§ 330)</c>).
    /// </summary>
    Chain,
}
