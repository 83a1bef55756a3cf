namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The lexical side of a snapshot: per-chunk fields the filters read, and BM25 postings per term in chunk order, with the
/// title fields folded in. Built from an <see cref="IndexState"/>, or read back from the index file as it was saved.
/// </summary>
internal sealed class LexicalIndex
{
    public required string[][] DocumentLawKeys { get; init; }

    public required IReadOnlyList<string>[] DocumentAccess { get; init; }

    public required string[] ChunkIds { get; init; }

    public required string[] ContentHashes { get; init; }

    public required int[] ChunkDocument { get; init; }

    public required byte[] Levels { get; init; }

    public required byte[] Types { get; init; }

    public required bool[] Repealed { get; init; }

    public required int[] ValidFrom { get; init; }

    public required int[] ValidUntil { get; init; }

    public required double K1 { get; init; }

    /// <summary>Per chunk: k1 · (1 − b + b · length / average length).</summary>
    public required float[] LengthNorm { get; init; }

    /// <summary>Per term id t, its postings are at [TermStart[t], TermStart[t + 1]).</summary>
    public required int[] TermStart { get; init; }

    public required int[] PostingChunks { get; init; }

    public required float[] PostingFrequencies { get; init; }

    public required double[] Idf { get; init; }

    public static LexicalIndex Build(IndexedDocument[] documents, int chunkCount, int termCount, TitleFieldMap titles, Bm25Parameters bm25)
    {
        var chunkIds = new string[chunkCount];
        var contentHashes = new string[chunkCount];
        var documentLawKeys = new string[documents.Length][];
        var documentAccess = new IReadOnlyList<string>[documents.Length];
        var chunkDocument = new int[chunkCount];
        var levels = new byte[chunkCount];
        var types = new byte[chunkCount];
        var repealed = new bool[chunkCount];
        var validFrom = new int[chunkCount];
        var validUntil = new int[chunkCount];
        var lengthNorm = new float[chunkCount];
        var termStart = new int[termCount + 1];
        var idf = new double[termCount];

        // First pass: per-chunk fields and document frequencies (counted into termStart[t + 1]), over the terms with
        // their title fields folded in (BM25F: a title term counts as a weighted occurrence of the term in the text).
        var scratch = new TitleFieldMap.Scratch();
        long totalLength = 0;
        long totalTitleLength = 0;
        var chunk = 0;
        for (var d = 0; d < documents.Length; d++)
        {
            documentLawKeys[d] = documents[d].LawKeys;
            documentAccess[d] = documents[d].AccessGroups;
            foreach (var indexed in documents[d].Chunks)
            {
                chunkIds[chunk] = indexed.Id;
                contentHashes[chunk] = indexed.ContentHash;
                chunkDocument[chunk] = d;
                levels[chunk] = indexed.Level;
                types[chunk] = indexed.Type;
                repealed[chunk] = indexed.IsRepealed;
                validFrom[chunk] = indexed.ValidFrom;
                validUntil[chunk] = indexed.ValidUntil;
                var fielded = titles.Fold(indexed.Terms, scratch);
                for (var i = 0; i < fielded.Count; i++)
                {
                    termStart[fielded.TermIds[i] + 1]++;
                }

                totalLength += indexed.Terms.Length;
                totalTitleLength += bm25.TitleB is null ? 0 : titles.TitleLength(indexed.Terms);
                chunk++;
            }
        }

        var averageLength = chunkCount == 0 ? 0 : (double)totalLength / chunkCount;
        var averageTitleLength = chunkCount == 0 ? 0 : (double)totalTitleLength / chunkCount;
        for (var t = 0; t < termCount; t++)
        {
            var documentFrequency = termStart[t + 1];
            idf[t] = documentFrequency == 0 ? 0 : Math.Log(1 + (chunkCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
            termStart[t + 1] += termStart[t];
        }

        // Second pass: postings in chunk order within each term, so that score updates walk memory forwards.
        var postingChunks = new int[termStart[termCount]];
        var postingFrequencies = new float[termStart[termCount]];
        var cursor = termStart.AsSpan(0, termCount).ToArray();
        chunk = 0;
        foreach (var document in documents)
        {
            foreach (var indexed in document.Chunks)
            {
                var textNorm = averageLength == 0 ? 1 - bm25.B : 1 - bm25.B + (bm25.B * indexed.Terms.Length / averageLength);
                lengthNorm[chunk] = (float)(bm25.K1 * textNorm);

                // BM25F: the score divides every folded frequency by the text's normalisation; a title occurrence scaled by
                // text / title normalisation ends up divided by its own field's.
                var titleScale = 1f;
                if (bm25.TitleB is { } titleB)
                {
                    var titleNorm = averageTitleLength == 0 ? 1 : 1 - titleB + (titleB * titles.TitleLength(indexed.Terms) / averageTitleLength);
                    titleScale = (float)(textNorm / Math.Max(titleNorm, 1e-6));
                }

                var fielded = titles.Fold(indexed.Terms, scratch, titleScale);
                for (var i = 0; i < fielded.Count; i++)
                {
                    var position = cursor[fielded.TermIds[i]]++;
                    postingChunks[position] = chunk;
                    postingFrequencies[position] = fielded.Frequencies[i];
                }

                chunk++;
            }
        }

        return new LexicalIndex
        {
            DocumentLawKeys = documentLawKeys,
            DocumentAccess = documentAccess,
            ChunkIds = chunkIds,
            ContentHashes = contentHashes,
            ChunkDocument = chunkDocument,
            Levels = levels,
            Types = types,
            Repealed = repealed,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            K1 = bm25.K1,
            LengthNorm = lengthNorm,
            TermStart = termStart,
            PostingChunks = postingChunks,
            PostingFrequencies = postingFrequencies,
            Idf = idf,
        };
    }
}
