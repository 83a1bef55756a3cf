using System.ComponentModel.DataAnnotations;
using Qdrant.Client.Grpc;

namespace Wissensassistent.Qdrant;

/// <summary>
/// Settings of the Qdrant store (section <c>Qdrant</c>). The store reads and writes through the alias
/// <see cref="Collection"/>; a full reindex builds a new generation collection and swaps the alias (see
/// <see cref="QdrantGenerations"/>).
/// </summary>
public sealed class QdrantStoreOptions : IValidatableObject
{
    public const string SectionName = "Qdrant";

    /// <summary>gRPC address of Qdrant (port 6334, not the REST port 6333).</summary>
    [Required(ErrorMessage = "Qdrant:Url fehlt.")]
    public string Url { get; set; } = "http://localhost:6334";

    /// <summary>Sent as the <c>api-key</c> header; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Require TLS; the <see cref="Url"/> must then start with <c>https://</c>.</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// SHA-256 thumbprint (hex, colons or hyphens allowed) of a self-signed server certificate to trust instead of
    /// the system's certificate store.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>
    /// The live name: an alias onto the current generation. Documents are held under <c>&lt;Collection&gt;_documents</c>.
    /// </summary>
    [Required(ErrorMessage = "Qdrant:Collection fehlt.")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$", ErrorMessage = "Qdrant:Collection darf nur Buchstaben, Ziffern, '_' und '-' enthalten (höchstens 100 Zeichen).")]
    public string Collection { get; set; } = "wissen";

    /// <summary>Dimensions of the dense embedding; must match the embedding model (384 for MiniLM).</summary>
    [Range(1, 65_536, ErrorMessage = "Qdrant:VectorSize muss zwischen 1 und 65536 liegen.")]
    public int VectorSize { get; set; } = 384;

    /// <summary>Distance of the dense vector; the store contract assumes cosine similarity.</summary>
    public Distance Distance { get; set; } = Distance.Cosine;

    [Range(1, 1_000, ErrorMessage = "Qdrant:ShardNumber muss zwischen 1 und 1000 liegen.")]
    public int ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard; only has an effect in distributed mode.</summary>
    [Range(1, 100, ErrorMessage = "Qdrant:ReplicationFactor muss zwischen 1 und 100 liegen.")]
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>Replicas that must confirm a write (write consistency factor); at most <see cref="ReplicationFactor"/>.</summary>
    [Range(1, 100, ErrorMessage = "Qdrant:WriteConsistency muss zwischen 1 und 100 liegen.")]
    public int WriteConsistency { get; set; } = 1;

    [Range(1, 10_000, ErrorMessage = "Qdrant:UpsertBatchSize muss zwischen 1 und 10000 liegen.")]
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>Retries after Unavailable or DeadlineExceeded, with exponential backoff from <see cref="RetryBaseDelay"/>.</summary>
    [Range(0, 10, ErrorMessage = "Qdrant:MaxRetries muss zwischen 0 und 10 liegen.")]
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>gRPC deadline of every single call, so that an unreachable server never hangs a request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The alias under which the documents of the live generation are held.</summary>
    public string DocumentsCollection => Collection + QdrantGenerations.DocumentsSuffix;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Qdrant:Url muss eine absolute http- oder https-Adresse sein (z. B. http://localhost:6334).", [nameof(Url)]);
        }
        else if (UseTls && uri.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult("Qdrant:UseTls ist gesetzt, aber Qdrant:Url beginnt nicht mit https://.", [nameof(Url), nameof(UseTls)]);
        }
        else if (CertificateThumbprint is not null && uri.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult("Qdrant:CertificateThumbprint verlangt eine https-Adresse in Qdrant:Url.", [nameof(CertificateThumbprint)]);
        }

        if (CertificateThumbprint is not null && !IsSha256Thumbprint(CertificateThumbprint))
        {
            yield return new ValidationResult("Qdrant:CertificateThumbprint muss ein SHA-256-Fingerabdruck aus 64 Hexadezimalzeichen sein.", [nameof(CertificateThumbprint)]);
        }

        if (Distance is Distance.UnknownDistance)
        {
            yield return new ValidationResult("Qdrant:Distance muss Cosine, Dot, Euclid oder Manhattan sein.", [nameof(Distance)]);
        }

        if (WriteConsistency > ReplicationFactor)
        {
            yield return new ValidationResult("Qdrant:WriteConsistency darf nicht größer sein als Qdrant:ReplicationFactor.", [nameof(WriteConsistency)]);
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Qdrant:RequestTimeout muss größer als 0 und höchstens 10 Minuten sein.", [nameof(RequestTimeout)]);
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Qdrant:RetryBaseDelay muss zwischen 0 und 1 Minute liegen.", [nameof(RetryBaseDelay)]);
        }
    }

    private static bool IsSha256Thumbprint(string thumbprint)
    {
        var hex = thumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit);
    }
}
