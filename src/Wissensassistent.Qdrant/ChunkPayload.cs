using Qdrant.Client.Grpc;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;
using F = Wissensassistent.Qdrant.PayloadFields;
using static Wissensassistent.Qdrant.PayloadReader;

namespace Wissensassistent.Qdrant;

/// <summary>
/// A chunk as Qdrant payload: every <see cref="Chunk"/> field, so that a hit is shown and cited without another
/// lookup, plus lower-cased filter keys and the law's aliases (for "aliases included" lookups by law).
/// </summary>
internal static class ChunkPayload
{
    /// <param name="accessGroups">The document's (normalized); by default the chunk's own. Public chunks carry none, so
    /// that points written before permissions existed read as public.</param>
    public static Dictionary<string, Value> Create(Chunk chunk, IReadOnlyList<string> lawAliases, string? embeddingModel, IReadOnlyList<string>? accessGroups = null)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var citation = chunk.Citation;
        var payload = new Dictionary<string, Value>
        {
            [F.ChunkId] = chunk.Id,
            [F.DocumentId] = chunk.DocumentId,
            [F.Law] = citation.Law,
            [F.LawKey] = KeyOf(citation.Law),
            [F.LawAliases] = lawAliases.Select(KeyOf).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
            [F.NormKind] = citation.Kind.ToString(),
            [F.Section] = citation.Section,
            [F.SectionKey] = KeyOf(citation.Section),
            [F.HeadingPath] = chunk.HeadingPath.ToArray(),
            [F.Text] = chunk.Text,
            [F.Ordinal] = (long)chunk.Ordinal,
            [F.Part] = (long)chunk.Part,
            [F.IsRepealed] = chunk.IsRepealed,
            [F.LawTitle] = chunk.LawTitle,
            [F.Level] = chunk.Level.ToString(),
            [F.Type] = chunk.DocumentType.ToString(),
            [F.ContentHash] = chunk.ContentHash,
            [F.HasDense] = embeddingModel is not null,
        };

        AddIfPresent(payload, F.Absatz, citation.Absatz);
        AddIfPresent(payload, F.Nummer, citation.Nummer);
        AddIfPresent(payload, F.Buchstabe, citation.Buchstabe);
        AddIfPresent(payload, F.NormTitle, chunk.NormTitle);
        AddIfPresent(payload, F.Stand, chunk.Stand);
        AddIfPresent(payload, F.EmbeddingModel, embeddingModel);
        var groups = DocumentAccess.NormalizeGroups(accessGroups ?? chunk.AccessGroups);
        if (groups.Count > 0)
        {
            payload[F.AccessGroups] = groups.ToArray();
        }

        if (citation.Satz is { } satz)
        {
            payload[F.Satz] = (long)satz;
        }

        if (chunk.References.Count > 0)
        {
            payload[F.References] = new Value { ListValue = new ListValue { Values = { chunk.References.Select(ReferenceValue) } } };
            payload[F.ReferenceTargets] = chunk.References.Select(r => Citation.NormKeyOf(r.Target.Law, r.Target.Section)).Distinct(StringComparer.Ordinal).ToArray();
        }

        // Unknown bounds stay absent: the in-force filter lets missing fields pass.
        if (chunk.ValidFrom is { } from)
        {
            payload[F.ValidFromDay] = (long)from.DayNumber;
        }

        if (chunk.ValidUntil is { } until)
        {
            payload[F.ValidUntilDay] = (long)until.DayNumber;
        }

        return payload;
    }

    public static Chunk ToChunk(IReadOnlyDictionary<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var citation = new Citation(
            RequiredString(payload, F.Law),
            RequiredEnum<NormKind>(payload, F.NormKind),
            RequiredString(payload, F.Section),
            OptionalString(payload, F.Absatz),
            OptionalInteger(payload, F.Satz) is { } satz ? (int)satz : null,
            OptionalString(payload, F.Nummer),
            OptionalString(payload, F.Buchstabe));

        return new Chunk
        {
            Id = RequiredString(payload, F.ChunkId),
            DocumentId = RequiredString(payload, F.DocumentId),
            Citation = citation,
            HeadingPath = Strings(payload, F.HeadingPath),
            NormTitle = OptionalString(payload, F.NormTitle),
            Text = RequiredString(payload, F.Text),
            Ordinal = (int)RequiredInteger(payload, F.Ordinal),
            Part = (int)(OptionalInteger(payload, F.Part) ?? 0),
            IsRepealed = Boolean(payload, F.IsRepealed),
            LawTitle = RequiredString(payload, F.LawTitle),
            Level = RequiredEnum<Level>(payload, F.Level),
            DocumentType = RequiredEnum<DocumentType>(payload, F.Type),
            Stand = OptionalString(payload, F.Stand),
            ValidFrom = OptionalDay(payload, F.ValidFromDay),
            ValidUntil = OptionalDay(payload, F.ValidUntilDay),
            ContentHash = RequiredString(payload, F.ContentHash),
            References = References(payload),
            AccessGroups = Strings(payload, F.AccessGroups),
        };
    }

    /// <summary>The references of a chunk payload; entries this version cannot read are skipped.</summary>
    public static IReadOnlyList<CrossReference> References(IReadOnlyDictionary<string, Value> payload)
    {
        if (!payload.TryGetValue(F.References, out var value) || value.KindCase != Value.KindOneofCase.ListValue)
        {
            return [];
        }

        var references = new List<CrossReference>(value.ListValue.Values.Count);
        foreach (var entry in value.ListValue.Values)
        {
            if (entry.KindCase != Value.KindOneofCase.StructValue)
            {
                continue;
            }

            var fields = entry.StructValue.Fields;
            if (OptionalString(fields, "law") is not { } law || OptionalString(fields, "section") is not { } section
                || !Enum.TryParse<NormKind>(OptionalString(fields, "kind"), out var kind)
                || !Enum.TryParse<ReferenceBasis>(OptionalString(fields, "basis"), out var basis))
            {
                continue;
            }

            var target = new Citation(
                law,
                kind,
                section,
                OptionalString(fields, "absatz"),
                OptionalInteger(fields, "satz") is { } satz ? (int)satz : null,
                OptionalString(fields, "nummer"),
                OptionalString(fields, "buchstabe"));
            references.Add(new CrossReference((int)(OptionalInteger(fields, "start") ?? 0), (int)(OptionalInteger(fields, "length") ?? 0), target, basis));
        }

        return references;
    }

    private static Value ReferenceValue(CrossReference reference)
    {
        var target = reference.Target;
        var fields = new Dictionary<string, Value>
        {
            ["start"] = (long)reference.Start,
            ["length"] = (long)reference.Length,
            ["basis"] = reference.Basis.ToString(),
            ["law"] = target.Law,
            ["kind"] = target.Kind.ToString(),
            ["section"] = target.Section,
        };
        AddIfPresent(fields, "absatz", target.Absatz);
        AddIfPresent(fields, "nummer", target.Nummer);
        AddIfPresent(fields, "buchstabe", target.Buchstabe);
        if (target.Satz is { } satz)
        {
            fields["satz"] = (long)satz;
        }

        var structure = new Struct();
        structure.Fields.Add(fields);
        return new Value { StructValue = structure };
    }

    /// <summary>The lower-cased, trimmed form used by every case-insensitive keyword filter.</summary>
    public static string KeyOf(string value) => value.Trim().ToLowerInvariant();

    private static void AddIfPresent(Dictionary<string, Value> payload, string field, string? value)
    {
        if (value is not null)
        {
            payload[field] = value;
        }
    }
}
