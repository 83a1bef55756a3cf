using System.Text.Json;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// The files of a local ONNX embedding model, recognised by what its folder holds (the layout of a Hugging Face model
/// repository): <c>model.onnx</c> or <c>onnx/model.onnx</c>, and the tokenizer as <c>sentencepiece.bpe.model</c> or a
/// Unigram <c>tokenizer.json</c> (XLM-R family), <c>vocab.txt</c> or a WordPiece <c>tokenizer.json</c> (BERT family). The tokenizer's settings
/// (lower-casing, accents, maximum length) and sentence-transformers' pooling come from the JSON files beside it.
/// </summary>
public sealed record OnnxModelFolder
{
    public const string ModelFileName = "model.onnx";
    public const string SentencePieceFileName = "sentencepiece.bpe.model";
    public const string VocabularyFileName = "vocab.txt";
    public const string TokenizerJsonFileName = "tokenizer.json";
    public const string TokenizerConfigFileName = "tokenizer_config.json";

    private const string Setting = "LanguageModels:Embeddings:ModelPath";

    private OnnxModelFolder(string directory, string modelFile, ModelTokenizerKind tokenizer)
    {
        Directory = directory;
        ModelFile = modelFile;
        Tokenizer = tokenizer;
    }

    public string Directory { get; }

    public string ModelFile { get; }

    public ModelTokenizerKind Tokenizer { get; }

    /// <summary>BERT: lower-case before WordPiece (<c>do_lower_case</c>); true when nothing says otherwise.</summary>
    public bool LowerCase { get; private init; } = true;

    /// <summary>BERT: drop accents (<c>strip_accents</c>); follows <see cref="LowerCase"/> unless set, as in Hugging Face.</summary>
    public bool StripAccents { get; private init; } = true;

    /// <summary><c>model_max_length</c> or sentence-transformers' <c>max_seq_length</c>, when the folder names one.</summary>
    public int? ModelMaxLength { get; private init; }

    /// <summary>Pooling of sentence-transformers' <c>1_Pooling/config.json</c>, when the folder has one.</summary>
    public EmbeddingPooling? Pooling { get; private init; }

    /// <summary>A WordPiece vocabulary in id order when only <c>tokenizer.json</c> holds it (no <c>vocab.txt</c>).</summary>
    internal IReadOnlyList<string>? TokenizerJsonVocabulary { get; private init; }

    /// <summary>An XLM-R tokenizer given only as a Unigram <c>tokenizer.json</c> (no <c>sentencepiece.bpe.model</c>).</summary>
    internal bool SentencePieceFromTokenizerJson { get; private init; }

    public string TokenizerJsonFile => Path.Combine(Directory, TokenizerJsonFileName);

    public string VocabularyFile => Path.Combine(Directory, VocabularyFileName);

    public string SentencePieceFile => Path.Combine(Directory, SentencePieceFileName);

    /// <summary>Reads the folder; <paramref name="problem"/> says in German what is missing when it returns null.</summary>
    public static OnnxModelFolder? TryOpen(string? path, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            problem = $"{Setting} fehlt: der Ordner des ONNX-Modells (model.onnx und Tokenizer-Dateien).";
            return null;
        }

        var directory = Path.GetFullPath(path);
        if (!System.IO.Directory.Exists(directory))
        {
            problem = $"{Setting}: der Ordner „{directory}“ existiert nicht.";
            return null;
        }

        var model = new[] { Path.Combine(directory, ModelFileName), Path.Combine(directory, "onnx", ModelFileName) }.FirstOrDefault(File.Exists);
        if (model is null)
        {
            problem = $"{Setting}: im Ordner „{directory}“ fehlt {ModelFileName} (auch unter onnx/ nicht gefunden).";
            return null;
        }

        try
        {
            return Read(directory, model, out problem);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            problem = $"{Setting}: die Tokenizer-Dateien in „{directory}“ sind nicht lesbar: {ex.Message}";
            return null;
        }
    }

    private static OnnxModelFolder? Read(string directory, string model, out string? problem)
    {
        problem = null;
        using var tokenizerJson = ReadJson(Path.Combine(directory, TokenizerJsonFileName));
        using var tokenizerConfig = ReadJson(Path.Combine(directory, TokenizerConfigFileName));
        var jsonModel = tokenizerJson is null ? null : Property(tokenizerJson.RootElement, "model");
        var jsonModelType = jsonModel is { } m ? StringProperty(m, "type") : null;

        var hasSentencePiece = File.Exists(Path.Combine(directory, SentencePieceFileName));
        var hasVocabulary = File.Exists(Path.Combine(directory, VocabularyFileName));
        IReadOnlyList<string>? jsonVocabulary = null;
        ModelTokenizerKind kind;
        if (hasSentencePiece && jsonModelType is null or "Unigram")
        {
            kind = ModelTokenizerKind.SentencePiece;
        }
        else if (hasVocabulary && jsonModelType is null or "WordPiece")
        {
            kind = ModelTokenizerKind.WordPiece;
        }
        else if (jsonModelType == "WordPiece")
        {
            kind = ModelTokenizerKind.WordPiece;
            jsonVocabulary = WordPieceVocabulary(jsonModel!.Value);
        }
        else if (jsonModelType == "Unigram")
        {
            kind = ModelTokenizerKind.SentencePiece;
        }
        else
        {
            problem = jsonModelType switch
            {
                { } other => $"{Setting}: tokenizer.json in „{directory}“ nutzt den Tokenizer-Typ „{other}“; unterstützt sind WordPiece (BERT-Familie) und SentencePiece (XLM-R-Familie).",
                null => $"{Setting}: im Ordner „{directory}“ fehlt der Tokenizer: {VocabularyFileName} oder {TokenizerJsonFileName} (BERT-Familie, WordPiece) bzw. {SentencePieceFileName} (XLM-R-Familie wie multilingual-e5 und bge-m3).",
            };
            return null;
        }

        var (lowerCase, stripAccents) = CaseAndAccents(tokenizerJson, tokenizerConfig);
        return new OnnxModelFolder(directory, model, kind)
        {
            SentencePieceFromTokenizerJson = kind == ModelTokenizerKind.SentencePiece && !hasSentencePiece,
            LowerCase = lowerCase,
            StripAccents = stripAccents,
            ModelMaxLength = MaxLength(directory, tokenizerConfig),
            Pooling = SentenceTransformersPooling(directory),
            TokenizerJsonVocabulary = jsonVocabulary,
        };
    }

    /// <summary>tokenizer.json's BertNormalizer wins over tokenizer_config.json; <c>strip_accents: null</c> follows lower-casing.</summary>
    private static (bool LowerCase, bool StripAccents) CaseAndAccents(JsonDocument? tokenizerJson, JsonDocument? tokenizerConfig)
    {
        if (tokenizerJson is not null && Property(tokenizerJson.RootElement, "normalizer") is { } normalizer
            && StringProperty(normalizer, "type") == "BertNormalizer")
        {
            var lower = BoolProperty(normalizer, "lowercase") ?? true;
            return (lower, BoolProperty(normalizer, "strip_accents") ?? lower);
        }

        if (tokenizerConfig is not null)
        {
            var lower = BoolProperty(tokenizerConfig.RootElement, "do_lower_case") ?? true;
            return (lower, BoolProperty(tokenizerConfig.RootElement, "strip_accents") ?? lower);
        }

        return (true, true);
    }

    private static int? MaxLength(string directory, JsonDocument? tokenizerConfig)
    {
        using var sentenceBert = ReadJson(Path.Combine(directory, "sentence_bert_config.json"));
        var fromSentenceBert = sentenceBert is null ? null : IntProperty(sentenceBert.RootElement, "max_seq_length");

        // Tokenizers without a limit write a huge sentinel (1e30) here.
        var fromTokenizer = tokenizerConfig is null ? null : IntProperty(tokenizerConfig.RootElement, "model_max_length");
        return fromSentenceBert ?? (fromTokenizer is > 0 and <= 1_000_000 ? fromTokenizer : null);
    }

    private static EmbeddingPooling? SentenceTransformersPooling(string directory)
    {
        using var pooling = ReadJson(Path.Combine(directory, "1_Pooling", "config.json"));
        if (pooling is null)
        {
            return null;
        }

        if (BoolProperty(pooling.RootElement, "pooling_mode_cls_token") == true)
        {
            return EmbeddingPooling.Cls;
        }

        return BoolProperty(pooling.RootElement, "pooling_mode_mean_tokens") == true ? EmbeddingPooling.Mean : null;
    }

    private static string[] WordPieceVocabulary(JsonElement model)
    {
        if (Property(model, "vocab") is not { ValueKind: JsonValueKind.Object } vocab)
        {
            throw new InvalidOperationException("tokenizer.json enthält kein WordPiece-Vokabular (model.vocab).");
        }

        var entries = vocab.EnumerateObject().Select(p => (Token: p.Name, Id: p.Value.GetInt32())).ToList();
        var tokens = new string[entries.Count];
        foreach (var (token, id) in entries)
        {
            if (id < 0 || id >= tokens.Length || tokens[id] is not null)
            {
                throw new InvalidOperationException("die Ids des WordPiece-Vokabulars in tokenizer.json sind nicht lückenlos.");
            }

            tokens[id] = token;
        }

        return tokens;
    }

    private static JsonDocument? ReadJson(string file) =>
        File.Exists(file) ? JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true }) : null;

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? StringProperty(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool? BoolProperty(JsonElement element, string name) =>
        Property(element, name) switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => null,
        };

    private static int? IntProperty(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var number) && number is >= 1 and <= int.MaxValue
            ? (int)number
            : null;
}
