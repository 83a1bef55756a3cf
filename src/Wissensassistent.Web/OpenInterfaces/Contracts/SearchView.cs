namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>Ranked passages for a query.</summary>
/// <param name="NamedNorms">Norms the query names that exist; they rank first.</param>
/// <param name="Notices">German notices ("Frage gekürzt", …).</param>
public sealed record SearchView(string Query, string Mode, IReadOnlyList<SearchHitView> Hits, IReadOnlyList<string> NamedNorms, IReadOnlyList<string> Notices);
