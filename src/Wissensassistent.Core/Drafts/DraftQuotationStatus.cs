namespace Wissensassistent.Core.Drafts;

/// <summary>What the check says of one quotation in a draft.</summary>
public enum DraftQuotationStatus
{
    /// <summary>Verbatim in the cited passage.</summary>
    Verbatim,

    /// <summary>Verbatim in the cited norm, but in another Absatz than the one cited.</summary>
    InOtherPassage,

    /// <summary>Taken from the cited passage with changed words ("Zitat abweichend").</summary>
    Altered,

    /// <summary>Neither verbatim nor close to anything in the cited passage.</summary>
    NotInPassage,

    /// <summary>The citation it belongs to does not resolve, so there is nothing to compare with.</summary>
    Unchecked,

    /// <summary>No citation near it: not checked.</summary>
    NoCitation,
}
