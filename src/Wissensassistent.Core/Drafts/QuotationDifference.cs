namespace Wissensassistent.Core.Drafts;

/// <summary>
/// One place where a quotation departs from the passage it cites: the draft's words against the passage's. Either side
/// is empty when words were added (<see cref="Passage"/> empty) or left out (<see cref="Draft"/> empty).
/// </summary>
public sealed record QuotationDifference(string Draft, string Passage)
{
    /// <summary>In German, briefly: <c>„stets“ statt „nur“</c>, <c>„auch“ ergänzt</c>, <c>„nicht“ fehlt</c>.</summary>
    public string Describe() => (Draft.Length, Passage.Length) switch
    {
        (0, _) => $"„{Passage}“ fehlt",
        (_, 0) => $"„{Draft}“ ergänzt",
        _ => $"„{Draft}“ statt „{Passage}“",
    };
}
