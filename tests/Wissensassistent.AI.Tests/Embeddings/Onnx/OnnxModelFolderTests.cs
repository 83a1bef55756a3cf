using System.Text.Json;
using Wissensassistent.AI.Embeddings;
using Wissensassistent.Testing;

namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>Which tokenizer a model folder gets, and what an operator reads when the folder lacks something.</summary>
public sealed class OnnxModelFolderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("wissen-onnx-folder");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void TryOpen_NoPath_SaysTheSettingIsMissing(string? path)
    {
        Assert.Null(OnnxModelFolder.TryOpen(path, out var problem));
        Assert.Contains("LanguageModels:Embeddings:ModelPath fehlt", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_FolderDoesNotExist_NamesIt()
    {
        var missing = _folder.Combine("gibt-es-nicht");

        Assert.Null(OnnxModelFolder.TryOpen(missing, out var problem));
        Assert.Contains($"„{missing}“ existiert nicht", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_WithoutModelOnnx_SaysModelOnnxIsMissing()
    {
        Touch(OnnxModelFolder.VocabularyFileName);

        Assert.Null(OnnxModelFolder.TryOpen(_folder.Path, out var problem));
        Assert.Contains("fehlt model.onnx", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_WithoutTokenizer_NamesTheFilesOfBothFamilies()
    {
        Touch(OnnxModelFolder.ModelFileName);

        Assert.Null(OnnxModelFolder.TryOpen(_folder.Path, out var problem));
        Assert.Contains("fehlt der Tokenizer", problem, StringComparison.Ordinal);
        Assert.Contains("vocab.txt", problem, StringComparison.Ordinal);
        Assert.Contains("sentencepiece.bpe.model", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_UnigramTokenizerJsonAlone_IsXlmRFamily()
    {
        Touch(OnnxModelFolder.ModelFileName);
        TinyModels.WriteTokenizerJson(_folder.Combine("tokenizer.json"));

        Assert.Equal(ModelTokenizerKind.SentencePiece, OnnxModelFolder.TryOpen(_folder.Path, out _)?.Tokenizer);
    }

    [Fact]
    public void TryOpen_UnreadableTokenizerJson_SaysSo()
    {
        Touch(OnnxModelFolder.ModelFileName);
        File.WriteAllText(_folder.Combine("tokenizer.json"), "{ kein json");

        Assert.Null(OnnxModelFolder.TryOpen(_folder.Path, out var problem));
        Assert.Contains("nicht lesbar", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_BpeTokenizer_IsNotSupported()
    {
        Touch(OnnxModelFolder.ModelFileName);
        File.WriteAllText(_folder.Combine("tokenizer.json"), """{"model":{"type":"BPE","vocab":{},"merges":[]}}""");

        Assert.Null(OnnxModelFolder.TryOpen(_folder.Path, out var problem));
        Assert.Contains("„BPE“", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_ModelInOnnxSubfolder_AsHuggingFacePublishesIt()
    {
        Directory.CreateDirectory(_folder.Combine("onnx"));
        Touch("onnx", OnnxModelFolder.ModelFileName);
        Touch(OnnxModelFolder.SentencePieceFileName);

        var folder = OnnxModelFolder.TryOpen(_folder.Path, out _);

        Assert.Equal(_folder.Combine("onnx", "model.onnx"), folder?.ModelFile);
        Assert.Equal(ModelTokenizerKind.SentencePiece, folder?.Tokenizer);
    }

    [Fact]
    public void TryOpen_ReadsSentenceTransformersPoolingAndMaximumLength()
    {
        Touch(OnnxModelFolder.ModelFileName);
        Touch(OnnxModelFolder.VocabularyFileName);
        Directory.CreateDirectory(_folder.Combine("1_Pooling"));
        File.WriteAllText(_folder.Combine("1_Pooling", "config.json"), """{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}""");
        File.WriteAllText(_folder.Combine("sentence_bert_config.json"), """{"max_seq_length": 256, "do_lower_case": false}""");
        File.WriteAllText(_folder.Combine("tokenizer_config.json"), """{"model_max_length": 1000000000000000019884624838656}""");

        var folder = OnnxModelFolder.TryOpen(_folder.Path, out _);

        Assert.Equal(EmbeddingPooling.Cls, folder?.Pooling);
        Assert.Equal(256, folder?.ModelMaxLength);
    }

    [Fact]
    public void TryOpen_CasedTokenizerConfig_KeepsCaseAndAccents()
    {
        Touch(OnnxModelFolder.ModelFileName);
        Touch(OnnxModelFolder.VocabularyFileName);
        File.WriteAllText(_folder.Combine("tokenizer_config.json"), """{"do_lower_case": false, "model_max_length": 512}""");

        var folder = OnnxModelFolder.TryOpen(_folder.Path, out _);

        Assert.False(folder?.LowerCase);
        Assert.False(folder?.StripAccents);
        Assert.Equal(512, folder?.ModelMaxLength);
    }

    [Fact]
    public void WordPieceTokenizerJsonAlone_TokenizesLikeVocabTxt()
    {
        using var reference = MiniLmOnnxFolder.Create();
        var vocabulary = File.ReadAllLines(Path.Combine(reference.Path, "vocab.txt"));
        Touch(OnnxModelFolder.ModelFileName);
        var json = new
        {
            normalizer = new { type = "BertNormalizer", lowercase = true, strip_accents = (bool?)null },
            model = new { type = "WordPiece", unk_token = "[UNK]", vocab = vocabulary.Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id) },
        };
        File.WriteAllText(_folder.Combine("tokenizer.json"), JsonSerializer.Serialize(json));
        const string Text = "Die Gemeinde erhebt eine Hundesteuer für Kampfhunde (§ 5 Abs. 2).";

        var fromJson = ModelTokenizer.Create(OnnxModelFolder.TryOpen(_folder.Path, out _)!).Encode(Text, 512);
        var fromVocab = ModelTokenizer.Create(OnnxModelFolder.TryOpen(reference.Path, out _)!).Encode(Text, 512);

        Assert.Equal(fromVocab, fromJson);
        Assert.True(fromJson.Length > 10);
    }

    [Fact]
    public async Task Generate_DamagedModelFile_FailsWithGermanReason()
    {
        File.WriteAllText(_folder.Combine(OnnxModelFolder.ModelFileName), "kein ONNX");
        TinyModels.WriteSentencePiece(_folder.Combine(OnnxModelFolder.SentencePieceFileName));
        using var generator = new OnnxEmbeddingGenerator(new EmbeddingModelOptions { Provider = EmbeddingProvider.Onnx, ModelPath = _folder.Path });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(["Hundesteuer"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("konnte nicht geladen werden", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private void Touch(params string[] parts) => File.WriteAllBytes(_folder.Combine(parts), []);
}
