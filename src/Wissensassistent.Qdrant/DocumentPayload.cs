using System.Security.Cryptography;
using System.Text;
using Qdrant.Client.Grpc;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using static Wissensassistent.Qdrant.PayloadReader;
using F = Wissensassistent.Qdrant.PayloadFields;

namespace Wissensassistent.Qdrant;

/// <summary>
/// Documents live as vector-less points in <c>&lt;alias&gt;_documents</c>, one per source file, with a deterministic
/// point id derived from the document id. The same collection holds one metadata point (kind <c>store</c>).
/// </summary>
internal static class DocumentPayload
{
    /// <summary>The metadata point that records the current embedding model of a generation.</summary>
    public static readonly Guid StorePointId = GuidOf("wissensassistent:store");

    public static Guid PointIdOf(string documentId) => GuidOf("wissensassistent:document\n" + documentId);

    public static Dictionary<string, Value> Create(SourceDocument document, int chunkCount, int normCount)
    {
        ArgumentNullException.ThrowIfNull(document);
        var payload = new Dictionary<string, Value>
        {
            [F.Kind] = F.KindDocument,
            [F.DocumentId] = document.Id,
            [F.Law] = document.Law,
            [F.LawKey] = ChunkPayload.KeyOf(document.Law),
            [F.Title] = document.Title,
            [F.Aliases] = document.Aliases.ToArray(),
            [F.AliasesKey] = document.Aliases.Select(ChunkPayload.KeyOf).Distinct(StringComparer.Ordinal).ToArray(),
            [F.Level] = document.Level.ToString(),
            [F.Type] = document.Type.ToString(),
            [F.ContentHash] = document.ContentHash,
            [F.ChunkCount] = (long)chunkCount,
            [F.NormCount] = (long)normCount,
        };
        if (document.Stand is not null)
        {
            payload[F.Stand] = document.Stand;
        }

        var groups = DocumentAccess.NormalizeGroups(document.AccessGroups);
        if (groups.Count > 0)
        {
            payload[F.AccessGroups] = groups.ToArray();
        }

        if (document.Issuer is not null)
        {
            payload[F.Issuer] = document.Issuer;
        }

        if (document.ValidFrom is { } from)
        {
            payload[F.ValidFromDay] = (long)from.DayNumber;
        }

        if (document.ValidUntil is { } until)
        {
            payload[F.ValidUntilDay] = (long)until.DayNumber;
        }

        return payload;
    }

    public static StoredDocument ToDocument(IReadOnlyDictionary<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var document = new SourceDocument
        {
            Id = RequiredString(payload, F.DocumentId),
            Law = RequiredString(payload, F.Law),
            Title = RequiredString(payload, F.Title),
            Aliases = Strings(payload, F.Aliases),
            Level = RequiredEnum<Level>(payload, F.Level),
            Type = RequiredEnum<DocumentType>(payload, F.Type),
            Stand = OptionalString(payload, F.Stand),
            ValidFrom = OptionalDay(payload, F.ValidFromDay),
            ValidUntil = OptionalDay(payload, F.ValidUntilDay),
            Issuer = OptionalString(payload, F.Issuer),
            ContentHash = RequiredString(payload, F.ContentHash),
            AccessGroups = Strings(payload, F.AccessGroups),
        };
        return new StoredDocument(
            document,
            (int)(OptionalInteger(payload, F.ChunkCount) ?? 0),
            (int)(OptionalInteger(payload, F.NormCount) ?? 0));
    }

    private static Guid GuidOf(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}
