using Wissensassistent.Core.Documents;

namespace Wissensassistent.Ingestion.Metadata;

/// <summary>What a family parser found out about a document, before id and hash are added.</summary>
internal sealed record DocumentDescription(
    string Law,
    string Title,
    IReadOnlyList<string> Aliases,
    Level Level,
    DocumentType Type,
    string? Stand,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? Issuer);
