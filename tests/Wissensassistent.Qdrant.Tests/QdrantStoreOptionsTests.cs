using System.ComponentModel.DataAnnotations;
using Qdrant.Client.Grpc;

namespace Wissensassistent.Qdrant.Tests;

public sealed class QdrantStoreOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = new QdrantStoreOptions();

        Assert.Empty(Validate(options));
        Assert.Equal("wissen", options.Collection);
        Assert.Equal("wissen_documents", options.DocumentsCollection);
        Assert.Equal(384, options.VectorSize);
        Assert.Equal(256, options.UpsertBatchSize);
        Assert.Equal(Distance.Cosine, options.Distance);
    }

    [Theory]
    [InlineData("localhost:6334")]
    [InlineData("ftp://qdrant:6334")]
    [InlineData("/relative")]
    public void Url_MustBeAbsoluteHttp(string url)
    {
        var errors = Validate(new QdrantStoreOptions { Url = url });

        Assert.Contains(errors, e => e.Contains("Qdrant:Url", StringComparison.Ordinal));
    }

    [Fact]
    public void UseTls_WithHttpUrl_IsRejected()
    {
        var errors = Validate(new QdrantStoreOptions { Url = "http://qdrant:6334", UseTls = true });

        Assert.Contains(errors, e => e.Contains("UseTls", StringComparison.Ordinal));
    }

    [Fact]
    public void UseTls_WithHttpsUrl_IsValid()
    {
        Assert.Empty(Validate(new QdrantStoreOptions { Url = "https://qdrant.intern:6334", UseTls = true, ApiKey = "geheim" }));
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("zz5e3bbc8b1c2c1f2b4d1ad4a5bd37a5b2ed8a1e4fc4a8f0b4d0b0c9c1a6f3e2")]
    public void CertificateThumbprint_MustBeSha256Hex(string thumbprint)
    {
        var errors = Validate(new QdrantStoreOptions { Url = "https://qdrant:6334", CertificateThumbprint = thumbprint });

        Assert.Contains(errors, e => e.Contains("CertificateThumbprint", StringComparison.Ordinal));
    }

    [Fact]
    public void CertificateThumbprint_WithColons_IsValid()
    {
        var thumbprint = string.Join(':', Enumerable.Repeat("AB", 32));

        Assert.Empty(Validate(new QdrantStoreOptions { Url = "https://qdrant:6334", CertificateThumbprint = thumbprint }));
    }

    [Fact]
    public void WriteConsistency_AboveReplicationFactor_IsRejected()
    {
        var errors = Validate(new QdrantStoreOptions { ReplicationFactor = 2, WriteConsistency = 3 });

        Assert.Contains(errors, e => e.Contains("WriteConsistency", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wissen alt")]
    [InlineData("_wissen")]
    [InlineData("")]
    public void Collection_WithInvalidCharacters_IsRejected(string collection)
    {
        Assert.NotEmpty(Validate(new QdrantStoreOptions { Collection = collection }));
    }

    [Fact]
    public void RequestTimeout_MustBePositive()
    {
        var errors = Validate(new QdrantStoreOptions { RequestTimeout = TimeSpan.Zero });

        Assert.Contains(errors, e => e.Contains("RequestTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void UpsertBatchSize_Zero_IsRejected()
    {
        Assert.NotEmpty(Validate(new QdrantStoreOptions { UpsertBatchSize = 0 }));
    }

    private static List<string> Validate(QdrantStoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? string.Empty)];
    }
}
