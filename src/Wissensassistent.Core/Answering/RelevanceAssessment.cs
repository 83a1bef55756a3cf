using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Answering;

/// <param name="Relevant">Hits relevant enough to answer from, in rank order, at most the requested number.</param>
/// <param name="Nearest">The best passages of distinct norms regardless of relevance, to name when refusing.</param>
/// <param name="QuestionTerms">The content stems the test looked for.</param>
public sealed record RelevanceAssessment(IReadOnlyList<SearchHit> Relevant, IReadOnlyList<Chunk> Nearest, IReadOnlyList<string> QuestionTerms);
