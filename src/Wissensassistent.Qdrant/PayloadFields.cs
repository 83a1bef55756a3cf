namespace Wissensassistent.Qdrant;

/// <summary>
/// Payload keys. Keys ending in <c>_key</c> hold lower-cased copies for case-insensitive keyword filters; dates are
/// day numbers (<see cref="DateOnly.DayNumber"/>) so that integer range filters apply.
/// </summary>
internal static class PayloadFields
{
    public const string ChunkId = "chunk_id";
    public const string DocumentId = "document_id";
    public const string Law = "law";
    public const string LawKey = "law_key";
    public const string LawAliases = "law_aliases";
    public const string NormKind = "norm_kind";
    public const string Section = "section";
    public const string SectionKey = "section_key";
    public const string Absatz = "absatz";
    public const string Satz = "satz";
    public const string Nummer = "nummer";
    public const string Buchstabe = "buchstabe";
    public const string HeadingPath = "heading_path";
    public const string NormTitle = "norm_title";
    public const string Text = "text";
    public const string Ordinal = "ordinal";
    public const string Part = "part";
    public const string IsRepealed = "is_repealed";
    public const string LawTitle = "law_title";
    public const string Level = "level";
    public const string Type = "type";
    public const string Stand = "stand";
    public const string ValidFromDay = "valid_from_day";
    public const string ValidUntilDay = "valid_until_day";
    public const string ContentHash = "content_hash";
    public const string HasDense = "has_dense";
    public const string EmbeddingModel = "embedding_model";

    /// <summary>The chunk's cross-references, one struct each; <see cref="ReferenceTargets"/> holds their norm keys for "zitiert von".</summary>
    public const string References = "references";
    public const string ReferenceTargets = "reference_targets";

    /// <summary>The groups that may read a chunk or document, normalized; absent (or empty) means public.</summary>
    public const string AccessGroups = "access_groups";

    // Points of the documents collection.
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Aliases = "aliases";
    public const string AliasesKey = "aliases_key";
    public const string Issuer = "issuer";
    public const string ChunkCount = "chunk_count";
    public const string NormCount = "norm_count";

    public const string KindDocument = "document";
    public const string KindStore = "store";
}
