namespace Wissensassistent.Core.Citations;

/// <summary>A citation found in free text with the span of the whole expression and of its own designation.</summary>
/// <param name="LawInherited">The law was taken from a joined citation ("§ 35 i. V. m. § 34 BauGB"), not named beside it.</param>
internal sealed record DesignatedCitation(
    Citation Citation,
    int ExpressionStart,
    int ExpressionEnd,
    int Start,
    int End,
    bool IsLawResolved,
    bool LawInherited,
    int StartToken,
    int EndToken);
