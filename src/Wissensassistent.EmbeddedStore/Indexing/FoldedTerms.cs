namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// A chunk's terms with their title fields folded in: the frequency of a term is its count in the text plus each title
/// field's weight where the title holds it. The first <see cref="Count"/> entries of the arrays count.
/// </summary>
internal readonly record struct FoldedTerms(int[] TermIds, float[] Frequencies, int Count);
