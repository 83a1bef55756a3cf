namespace Wissensassistent.Core.Documents;

/// <summary>
/// One file of the corpus. A law split over several files (GemO Teil 1..5) is several source
/// documents that share <see cref="Law"/>; norms are addressed by law, never by file.
/// </summary>
public sealed record SourceDocument
{
    /// <summary>Path relative to the corpus folder with forward slashes; the document's identity.</summary>
    public required string Id { get; init; }

    /// <summary>The abbreviation people cite (<c>BauGB</c>, <c>GemO</c>, <c>Hundesteuersatzung Bad Boll</c>).</summary>
    public required string Law { get; init; }

    /// <summary>Full title (<c>Baugesetzbuch</c>).</summary>
    public required string Title { get; init; }

    /// <summary>Other names that mean this law (<c>BBauG</c>, <c>Baugesetzbuch</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required Level Level { get; init; }

    public required DocumentType Type { get; init; }

    /// <summary>The legal state as the source states it ("Art. 2 G v. 8.8.2020 I 1728", "Januar 2025").</summary>
    public string? Stand { get; init; }

    /// <summary>First day in force, where known.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day in force for a repealed text; null while in force.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Who issued it ("Gemeinde Bad Boll", "Landkreis Göppingen").</summary>
    public string? Issuer { get; init; }

    /// <summary>
    /// Groups that may read it (normalized, see <c>DocumentAccess.NormalizeGroups</c>); empty: public within the
    /// administration. Set per folder by the corpus root's <c>zugriff.tsv</c>.
    /// </summary>
    public IReadOnlyList<string> AccessGroups { get; init; } = [];

    /// <summary>SHA-256 of the file's bytes (for a restricted document with its access groups appended): unchanged files are not ingested again.</summary>
    public required string ContentHash { get; init; }
}
