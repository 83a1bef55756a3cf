namespace Wissensassistent.Core.References;

/// <summary>What a reference's target is in the live corpus.</summary>
public enum ReferenceOutcome
{
    /// <summary>The norm is in the corpus and in force: shown as a link.</summary>
    Resolved,

    /// <summary>The norm is in the corpus but repealed ("weggefallen"), alone or within a repealed run.</summary>
    Repealed,

    /// <summary>The law is in the corpus, this norm is not.</summary>
    NormOutsideCorpus,

    /// <summary>The law is not in the corpus (<c>§ 5 WaffG</c>).</summary>
    LawOutsideCorpus,
}
