namespace Wissensassistent.Web.OpenInterfaces.Contracts;

/// <summary>Every address the input names, each resolved (<c>§§ 48, 49 VwVfG</c> gives two).</summary>
public sealed record NormLookupView(IReadOnlyList<NormView> Results);
