using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>Scales the real corpus up for benchmarks: copies with new ids and the same texts.</summary>
public static class SyntheticCorpus
{
    public static IReadOnlyList<DocumentBatch> Replicate(IReadOnlyList<Chunk> chunks, int target)
    {
        var batches = new List<DocumentBatch>();
        var produced = 0;
        for (var copy = 0; produced < target; copy++)
        {
            foreach (var group in chunks.GroupBy(c => c.DocumentId))
            {
                if (produced >= target)
                {
                    break;
                }

                var documentId = copy == 0 ? group.Key : $"synthetisch/{copy}/{group.Key}";
                var take = group.Take(target - produced).Select(c => c with
                {
                    Id = ChunkId.For(documentId, c.Citation, c.Ordinal),
                    DocumentId = documentId,
                    // Copies get their own content hash, so that each holds its own vector like a real chunk.
                    ContentHash = copy == 0 ? c.ContentHash : ChunkId.ContentHash($"{copy}:{c.ContentHash}"),
                }).ToList();
                var first = take[0];
                var document = new SourceDocument
                {
                    Id = documentId,
                    Law = first.Citation.Law,
                    Title = first.LawTitle,
                    Level = first.Level,
                    Type = first.DocumentType,
                    Stand = first.Stand,
                    ContentHash = ChunkId.ContentHash(documentId),
                };
                batches.Add(new DocumentBatch(document, take));
                produced += take.Count;
            }
        }

        return batches;
    }

    public static float[] Jitter(float[] vector, Random random)
    {
        var result = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            result[i] = vector[i] + (float)((random.NextDouble() - 0.5) * 0.05);
        }

        return result;
    }
}
