namespace Wissensassistent.Core.Text;

/// <summary>Where an index term comes from; query processing may weight the kinds differently.</summary>
public enum TokenKind
{
    /// <summary>A word's stem (<c>kundigung</c>), or a hyphenated compound as a whole.</summary>
    Word,

    /// <summary>A part of a compound (<c>genehmigung</c> in "Baugenehmigungsverfahren").</summary>
    CompoundPart,

    /// <summary>A number that designates no norm (<c>2020</c>, <c>165,00</c>).</summary>
    Number,

    /// <summary>A § or Art. designation: <c>§35</c>, <c>§573b</c>, <c>art20</c>.</summary>
    Norm,

    /// <summary>A law named by abbreviation or title, as its abbreviation: <c>baugb</c> for "Baugesetzbuch".</summary>
    Law,
}
