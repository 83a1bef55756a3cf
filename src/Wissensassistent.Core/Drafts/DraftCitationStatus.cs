namespace Wissensassistent.Core.Drafts;

/// <summary>What the check says of one citation in a draft, the most serious finding first.</summary>
public enum DraftCitationStatus
{
    /// <summary>No such law, norm or Absatz in the corpus (or no law named and none to take from the context).</summary>
    NotFound,

    /// <summary>The passage exists but is repealed ("weggefallen").</summary>
    Repealed,

    /// <summary>The law does not govern for the deployment profile; another does (the VwVfG where the LVwVfG governs).</summary>
    Displaced,

    /// <summary>The passage exists, is in force and governs.</summary>
    Resolved,
}
