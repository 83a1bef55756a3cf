using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.References;

/// <summary>Where a passage stands, for resolving what its text refers to.</summary>
/// <param name="Citation">The passage's own address (<c>§ 34 Abs. 3 BauGB</c>): law of "§ 5", norm of "Absatz 1".</param>
/// <param name="PreviousNorm">The norm before it in its document, for "der vorstehenden Vorschrift"; null for the first.</param>
/// <param name="AbsatzCount">How many Absätze the norm has.</param>
public sealed record ReferenceContext(Citation Citation, Citation? PreviousNorm = null, int AbsatzCount = 1);
