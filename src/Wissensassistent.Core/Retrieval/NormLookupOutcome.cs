namespace Wissensassistent.Core.Retrieval;

/// <summary>How a looked-up address resolved.</summary>
public enum NormLookupOutcome
{
    /// <summary>The passage exists; it may still be repealed ("weggefallen").</summary>
    Found,

    /// <summary>No law of that name is in the corpus.</summary>
    UnknownLaw,

    /// <summary>The law exists, the norm does not.</summary>
    UnknownNorm,

    /// <summary>The norm exists, the cited Absatz does not.</summary>
    UnknownAbsatz,

    /// <summary>The input holds no address the parser can read.</summary>
    Unreadable,
}
