namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// BM25 saturation and length normalisation. <paramref name="TitleB"/>: null folds the title fields under the text's length
/// normalisation (a title term counts more in a short passage than in a long one); a value normalises them by their own
/// length instead, as BM25F does (0: a title term counts the same whatever the passage's length).
/// </summary>
internal readonly record struct Bm25Parameters(double K1, double B, double? TitleB = null);
