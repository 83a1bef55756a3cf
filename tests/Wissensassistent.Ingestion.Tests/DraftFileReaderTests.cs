using System.Text;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Ingestion.Formats;

namespace Wissensassistent.Ingestion.Tests;

/// <summary>Drafts to be checked are read with the corpus's decoders; whatever cannot be read gets a German reason.</summary>
public sealed class DraftFileReaderTests
{
    [Fact]
    public void Docx_IsReadAsText()
    {
        var docx = TestDocuments.Docx(b => b.Heading(1, "Bescheid").Paragraph("Nach § 35 Abs. 1 BauGB ist das Vorhaben unzulässig."));

        var text = DraftFileReader.Read("Bescheid.docx", docx);

        Assert.Contains("Nach § 35 Abs. 1 BauGB ist das Vorhaben unzulässig.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_TextLayer_IsRead()
    {
        var pdf = TestDocuments.Pdf(["Vermerk", "Das Vorhaben ist nach § 35 BauGB zu beurteilen."]);

        var text = DraftFileReader.Read("Vermerk.PDF", pdf);

        Assert.Contains("§ 35 BauGB", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_InWindows1252_IsDecodedAsTheCorpusDecodesIt()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Gemäß § 24 GemO beschließt der Gemeinderat.");

        Assert.Equal("Gemäß § 24 GemO beschließt der Gemeinderat.", DraftFileReader.Read("vorlage.txt", bytes));
    }

    [Theory]
    [InlineData("bescheid.exe", "wird nicht unterstützt")]
    [InlineData("bescheid", "(ohne Endung)")]
    public void UnsupportedFormat_IsRejectedInGerman(string name, string expected)
    {
        var rejected = Assert.Throws<DraftRejectedException>(() => DraftFileReader.Read(name, [1, 2, 3]));

        Assert.Contains(expected, rejected.Message, StringComparison.Ordinal);
        Assert.Contains(".docx", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenFiles_AreRejectedInGerman()
    {
        Assert.Contains("beschädigt", Assert.Throws<DraftRejectedException>(() => DraftFileReader.Read("a.docx", [0x50, 0x4B, 3, 4, 0, 0, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("unvollständig", Assert.Throws<DraftRejectedException>(() => DraftFileReader.Read("a.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj"))).Message, StringComparison.Ordinal);
        Assert.Contains("leer", Assert.Throws<DraftRejectedException>(() => DraftFileReader.Read("a.txt", [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedStream_IsRejectedBeforeItIsReadWhole()
    {
        await using var endless = new RepeatingStream();

        var rejected = await Assert.ThrowsAsync<DraftRejectedException>(() => DraftFileReader.ReadAsync("gross.txt", endless, TestContext.Current.CancellationToken));

        Assert.Contains("zu groß", rejected.Message, StringComparison.Ordinal);
        Assert.InRange(endless.Position, DraftFileReader.MaxBytes, DraftFileReader.MaxBytes + 100_000);
    }

    /// <summary>A stream that never ends: the reader must stop at its limit.</summary>
    private sealed class RepeatingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
