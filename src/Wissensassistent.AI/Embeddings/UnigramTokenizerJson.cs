using System.Text.Json;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// Turns the Unigram model of a Hugging Face <c>tokenizer.json</c> (XLM-R family) into the SentencePiece model file
/// format that Microsoft.ML.Tokenizers reads. The pieces keep the order of <c>tokenizer.json</c>, which already is
/// the model's id order (<c>&lt;s&gt;</c> 0, <c>&lt;pad&gt;</c> 1, <c>&lt;/s&gt;</c> 2, <c>&lt;unk&gt;</c> 3), and the
/// normaliser's precompiled character map is the one SentencePiece itself uses.
/// </summary>
internal static class UnigramTokenizerJson
{
    private const int NormalPiece = 1;
    private const int UnknownPiece = 2;
    private const int ControlPiece = 3;
    private const int UnigramModel = 1;

    /// <summary>The ids of the special tokens, read from the vocabulary.</summary>
    public sealed record SpecialIds(int Begin, int End, int Padding);

    public static (byte[] Model, SpecialIds Ids) ToSentencePiece(string tokenizerJsonFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(tokenizerJsonFile));
        var root = json.RootElement;
        var model = root.GetProperty("model");
        if (model.GetProperty("type").GetString() != "Unigram")
        {
            throw new InvalidOperationException("tokenizer.json beschreibt kein Unigram-Modell.");
        }

        var vocabulary = model.GetProperty("vocab").EnumerateArray()
            .Select(entry => (Piece: entry[0].GetString() ?? string.Empty, Score: (float)entry[1].GetDouble()))
            .ToList();
        var unknown = model.TryGetProperty("unk_id", out var unk) && unk.ValueKind == JsonValueKind.Number ? unk.GetInt32() : 0;
        var special = SpecialTokens(root);
        int IdOf(string piece) => vocabulary.FindIndex(v => v.Piece == piece) is var id and >= 0
            ? id
            : throw new InvalidOperationException($"tokenizer.json enthält das Token {piece} nicht.");
        var ids = new SpecialIds(IdOf("<s>"), IdOf("</s>"), IdOf("<pad>"));

        var proto = new ProtoWriter();
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var (piece, score) = vocabulary[id];
            var type = id == unknown ? UnknownPiece : special.Contains(piece) ? ControlPiece : NormalPiece;
            proto.Message(1, new ProtoWriter().String(1, piece).Float(2, score).Varint(3, type));
        }

        proto.Message(2, new ProtoWriter()
            .Varint(3, UnigramModel)
            .Varint(4, vocabulary.Count)
            .Varint(40, unknown)
            .Varint(41, ids.Begin)
            .Varint(42, ids.End)
            .Varint(43, ids.Padding));

        var normalizer = new ProtoWriter().String(1, "from-tokenizer-json");
        if (PrecompiledCharsMap(root) is { } charsMap)
        {
            normalizer.Bytes(2, charsMap);
        }

        // add_dummy_prefix (Metaspace), remove_extra_whitespaces (Replace " {2,}"), escape_whitespaces: XLM-R's settings.
        normalizer.Varint(3, AddsPrefixSpace(root) ? 1 : 0).Varint(4, 1).Varint(5, 1);
        proto.Message(3, normalizer);
        return (proto.ToArray(), ids);
    }

    private static HashSet<string> SpecialTokens(JsonElement root)
    {
        var special = new HashSet<string>(StringComparer.Ordinal) { "<s>", "</s>", "<pad>", "<mask>" };
        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in added.EnumerateArray())
            {
                if (token.TryGetProperty("special", out var isSpecial) && isSpecial.ValueKind == JsonValueKind.True
                    && token.GetProperty("content").GetString() is { } content)
                {
                    special.Add(content);
                }
            }
        }

        return special;
    }

    /// <summary>The <c>Precompiled</c> normaliser's map, alone or inside a <c>Sequence</c>.</summary>
    private static byte[]? PrecompiledCharsMap(JsonElement root)
    {
        if (!root.TryGetProperty("normalizer", out var normalizer) || normalizer.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        IEnumerable<JsonElement> parts = normalizer.TryGetProperty("normalizers", out var sequence) && sequence.ValueKind == JsonValueKind.Array
            ? sequence.EnumerateArray()
            : [normalizer];
        foreach (var part in parts)
        {
            if (part.TryGetProperty("type", out var type) && type.GetString() == "Precompiled"
                && part.TryGetProperty("precompiled_charsmap", out var map) && map.ValueKind == JsonValueKind.String)
            {
                return Convert.FromBase64String(map.GetString()!);
            }
        }

        return null;
    }

    private static bool AddsPrefixSpace(JsonElement root)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        IEnumerable<JsonElement> parts = pre.TryGetProperty("pretokenizers", out var sequence) && sequence.ValueKind == JsonValueKind.Array
            ? sequence.EnumerateArray()
            : [pre];
        var metaspace = parts.FirstOrDefault(p => p.TryGetProperty("type", out var type) && type.GetString() == "Metaspace");
        if (metaspace.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        if (metaspace.TryGetProperty("prepend_scheme", out var scheme) && scheme.ValueKind == JsonValueKind.String)
        {
            return scheme.GetString() != "never";
        }

        return !metaspace.TryGetProperty("add_prefix_space", out var add) || add.ValueKind != JsonValueKind.False;
    }
}
