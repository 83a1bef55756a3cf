namespace Wissensassistent.Core.Answering;

/// <summary>
/// The smallest piece of a passage that can be quoted on its own without becoming a fragment: a sentence; a list opener
/// with its items (<see cref="Parts"/> holds the opener and each item); or a table row with the table's header row.
/// Every part is verbatim text of the passage.
/// </summary>
/// <param name="Position">Order within the passage, for statute order.</param>
/// <param name="Parts">The verbatim pieces: one for a sentence; opener then items for a list; the row for a table row.</param>
/// <param name="Header">The header row of a table row's table, verbatim; null otherwise.</param>
/// <param name="IsLead">True for the first unit of the passage (an Absatz's opening sentence usually states its rule).</param>
public sealed record AnswerUnit(int Position, IReadOnlyList<string> Parts, string? Header, bool IsLead)
{
    /// <summary>Everything the unit says, for matching.</summary>
    public string Text => Header is null ? string.Join(' ', Parts) : $"{Header} {string.Join(' ', Parts)}";

    public bool IsList => Parts.Count > 1;

    /// <summary>
    /// For a table row: the sentence that introduces the table ("… erhalten eine zusätzliche Entschädigung:"), verbatim, or
    /// null. It says what the rows are about, so its words count for them; it is not quoted with them.
    /// </summary>
    public string? Caption { get; init; }
}
