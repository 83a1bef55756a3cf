namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>How many citations resolved, were not found, are repealed or displaced; how many quotations are verbatim or deviate.</summary>
public sealed record CitationCheckCountsView(int Citations, int Resolved, int NotFound, int Repealed, int Displaced, int Quotations, int Verbatim, int Deviating);
