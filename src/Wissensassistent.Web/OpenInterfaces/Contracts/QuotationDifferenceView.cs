namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>Where a quotation departs from its passage; <see cref="Draft"/> empty for words left out, <see cref="Passage"/> empty for words added.</summary>
public sealed record QuotationDifferenceView(string Draft, string Passage);
