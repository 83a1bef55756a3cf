namespace Wissensassistent.Qdrant;

/// <summary>A sparse vector as Qdrant takes it: ascending, distinct term indices and their values.</summary>
public sealed record SparseTermVector(uint[] Indices, float[] Values)
{
    public static readonly SparseTermVector Empty = new([], []);

    public bool IsEmpty => Indices.Length == 0;
}
