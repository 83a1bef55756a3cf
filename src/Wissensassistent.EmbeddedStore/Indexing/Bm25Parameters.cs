namespace Wissensassistent.EmbeddedStore.Indexing;

internal readonly record struct Bm25Parameters(double K1, double B);
