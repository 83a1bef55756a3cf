namespace Wissensassistent.Core.Answering;

/// <summary>The result of <see cref="CitationVerifier.Verify"/>.</summary>
/// <param name="Text">The answer after verification: invalid markers removed, failed quotations and unsupported claims marked.</param>
/// <param name="Report">What was checked and what failed.</param>
/// <param name="Citations">The sources the verified text cites, by marker.</param>
/// <param name="SupportedClaims">Claims that carry at least one valid marker.</param>
public sealed record CitationVerification(string Text, VerificationReport Report, IReadOnlyList<AnswerCitation> Citations, int SupportedClaims);
