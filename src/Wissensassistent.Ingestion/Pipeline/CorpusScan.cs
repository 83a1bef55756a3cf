using Wissensassistent.Core.Indexing;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// What a corpus root holds: the files to read, and the entries refused while listing it (symbolic links that leave
/// the root, loop, dangle or lead to a file already listed), each with a German reason for the ingestion report.
/// </summary>
public sealed record CorpusScan(IReadOnlyList<CorpusFile> Files, IReadOnlyList<FileError> Refused);
