namespace Wissensassistent.Ingestion.Outline;

internal enum HeadingRole
{
    /// <summary><c>§ 35 Bauen im Außenbereich</c>, <c>Art 20</c>, <c>§§ 8 bis 10 (weggefallen)</c>.</summary>
    Norm,

    /// <summary><c>Anlage 2 Verwertungsverfahren</c>, <c>ANHANG - Verfahrensfreie Vorhaben</c>.</summary>
    Annex,

    /// <summary><c>Erstes Kapitel - …</c>, <c>1. ABSCHNITT - …</c>, <c>VIII. - …</c>, <c>A. …</c>.</summary>
    Structural,

    /// <summary><c>2. Form der Ehrung</c>, <c>1.1 Bewilligungen</c>, <c>Nr. 3a - …</c>: a guideline number.</summary>
    NumberedItem,

    /// <summary><c>(1)</c> used as a heading for an Absatz.</summary>
    AbsatzLabel,

    /// <summary>Table of contents, metadata blocks: skipped with everything below them.</summary>
    Skipped,

    /// <summary><c>GEMEINDE BAD BOLL</c>: a letterhead, not structure.</summary>
    Letterhead,

    /// <summary>Any other heading (<c>Präambel</c>, <c>Eingangsformel</c>, <c>Benutzungsgebühren</c>).</summary>
    Plain,
}
