using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Text;

/// <summary>
/// The German analysis behind every lexical path: lower case and umlaut folding, stop words, light stemming,
/// compound parts, § and Art. designations as terms, law names as their abbreviation.
/// </summary>
/// <remarks>
/// <para>Per word: fold (<see cref="GermanNormalizer"/>), drop stop words (<see cref="GermanStopWords"/>), stem
/// (<see cref="GermanStemmer"/>), add the stems of compound parts (<see cref="CompoundSplitter"/>). Hyphenated words
/// ("Bauleitplan-Entwurf") yield their pieces and the joined whole. "Abs."/"Absatz" become <c>abs</c>,
/// "Nr."/"Nummer"/"Ziffer" <c>nr</c>, "Buchst."/"Buchstabe" <c>buchst</c>; "Satz" stays <c>satz</c>, while "S." goes
/// with the other single letters because it is as often "Seite" ("BGBl. I S. 3634"). "i.V.m." dissolves into single
/// letters and disappears.</para>
/// <para>Norms: "§ 35", "§35", "§§ 48, 49" and "Art. 20" give <c>§35</c>, <c>§48</c>, <c>§49</c>, <c>art20</c> instead of the bare
/// numbers. No combined terms such as <c>§35abs1</c>: chunks are single Absätze addressed by their citation, so the text
/// of § 35 Abs. 1 itself never contains "§ 35 Abs. 1", only other norms that refer to it would match; exact addresses
/// are resolved through <see cref="CitationParser"/> instead.</para>
/// <para>Laws: a name of the analyzer's <see cref="LawNameResolver"/> ("Baugesetzbuch", "BBauG", "Bürgerlichen
/// Gesetzbuchs", "SGB 10") adds the abbreviation's term (<c>baugb</c>, <c>bgb</c>, <c>sgbx</c>), which every chunk of
/// that law carries through its heading path. The resolver is fixed per instance and <see cref="Default"/> uses the
/// built-in one, so index and query time always agree; a store's own law names (municipal bylaws) belong to query
/// processing, which resolves them to the abbreviation and analyses that. Stored documents carry
/// <see cref="Fingerprint"/> in their hash, so that a change makes the next ingestion run read them all again.</para>
/// <para>Thread-safe and deterministic: results never depend on what was analysed before (the word cache only saves
/// time).</para>
/// </remarks>
public sealed class GermanAnalyzer : ITextAnalyzer
{
    /// <summary>Raised with every change of the analysis rules, so that indexes notice through <see cref="Fingerprint"/>.</summary>
    private const string AlgorithmVersion = "5";

    /// <summary>Bounds the word cache (the corpus has about 40 000 distinct words); beyond it words are analysed each time.</summary>
    private const int MaxCachedWords = 200_000;
    private const int MaxCachedWordLength = 64;

    private static readonly Lazy<GermanAnalyzer> DefaultAnalyzer = new(() => new GermanAnalyzer(CompoundDictionary.Default));

    /// <summary>The words that address parts of a norm (folded), mapped to one term each.</summary>
    private static readonly FrozenDictionary<string, string> StructureWords = new Dictionary<string, string>
    {
        ["abs"] = "abs",
        ["absatz"] = "abs",
        ["absatze"] = "abs",
        ["abss"] = "abs",
        ["nr"] = "nr",
        ["nrn"] = "nr",
        ["nummer"] = "nr",
        ["nummern"] = "nr",
        ["ziff"] = "nr",
        ["ziffer"] = "nr",
        ["ziffern"] = "nr",
        ["buchst"] = "buchst",
        ["buchstabe"] = "buchst",
        ["buchstaben"] = "buchst",
        ["lit"] = "buchst",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Abbreviations of bylaws' tables, analysed as the word they stand for: "Stv. Kommandant | 500,00 €/Jahr" answers a
    /// question about the Kommandant's "Stellvertreter". Only abbreviations that are no word of their own. "Std." (Stunde) was
    /// measured and left out: its 227 fee-table rows made "Stunde" commoner and cost GerLayQA recall.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["stv"] = "stellvertreter",
        ["stellv"] = "stellvertreter",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MarkerWords =
        new[] { "art", "artt", "artikel", "paragraph", "paragraf", "paragraphen", "paragrafen" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly CompoundDictionary _dictionary;
    private readonly CompoundSplitter _splitter;
    private readonly LawNameResolver _laws;
    private readonly FrozenDictionary<string, string> _lawTerms;
    private readonly ConcurrentDictionary<string, WordAnalysis> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WordAnalysis>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;
    private readonly Lazy<string> _fingerprint;
    private int _cachedWords;

    /// <summary>The shipped dictionary (<see cref="CompoundDictionary.Default"/>) and the built-in law names.</summary>
    public static GermanAnalyzer Default => DefaultAnalyzer.Value;

    public GermanAnalyzer(CompoundDictionary dictionary)
        : this(dictionary, LawNameResolver.BuiltIn)
    {
    }

    /// <param name="dictionary">Known words for compound splitting.</param>
    /// <param name="laws">Law names to map to their abbreviation. Index and queries must use the same.</param>
    public GermanAnalyzer(CompoundDictionary dictionary, LawNameResolver laws)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(laws);
        _dictionary = dictionary;
        _splitter = new CompoundSplitter(dictionary);
        _laws = laws;
        _lawTerms = laws.Laws.ToFrozenDictionary(law => law, LawNameResolver.TermOf, StringComparer.Ordinal);
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        _fingerprint = new Lazy<string>(ComputeFingerprint);
    }

    /// <summary>
    /// Identifies the analysis: rules, stop words, dictionary and law names. Equal fingerprints give equal terms; an
    /// index built under another fingerprint must be rebuilt.
    /// </summary>
    public string Fingerprint => _fingerprint.Value;

    public IReadOnlyList<string> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new TermSink(new List<string>(Math.Max(4, text.Length / 7)));
        Run(text, ref sink);
        return sink.Terms;
    }

    /// <summary>The terms with position, surface span and kind, for query processing and highlighting.</summary>
    public IReadOnlyList<AnalyzedToken> AnalyzeTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new TokenSink(new List<AnalyzedToken>(Math.Max(4, text.Length / 7)));
        Run(text, ref sink);
        return sink.Tokens;
    }

    private void Run<TSink>(string text, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (text.Length == 0)
        {
            return;
        }

        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        var tokens = new List<LexToken>(text.Length / 6 + 4);
        TextLexer.Tokenize(text, tokens);
        var analyses = new WordAnalysis?[tokens.Count];
        var keys = new string?[tokens.Count];
        var hasMarkers = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsWordOrNumber)
            {
                var analysis = Lookup(text, token);
                analyses[i] = analysis;
                keys[i] = analysis.PhraseKey;
                hasMarkers |= analysis.IsMarker;
            }
            else
            {
                hasMarkers |= token.Kind == LexKind.SectionSign;
            }
        }

        var norms = hasMarkers ? FindNorms(text, tokens, analyses) : null;
        var emitted = new List<string>(8);
        var position = -1;
        var index = 0;
        while (index < tokens.Count)
        {
            var token = tokens[index];
            if (!token.IsWordOrNumber)
            {
                index++;
                continue;
            }

            var groupEnd = index + 1;
            while (groupEnd < tokens.Count && tokens[groupEnd].HyphenJoined && tokens[groupEnd].IsWordOrNumber)
            {
                groupEnd++;
            }

            position++;
            emitted.Clear();
            for (var k = index; k < groupEnd; k++)
            {
                EmitToken(tokens, k, analyses[k]!, norms, position, emitted, ref sink);
                if (keys[k] is { } key && _laws.StartsPhrase(key) && _laws.Match(keys, k) is { } law)
                {
                    var last = tokens[k + law.TokenCount - 1];
                    Emit(_lawTerms[law.Law], position, tokens[k].Start, last.End - tokens[k].Start, TokenKind.Law, emitted, ref sink);
                }
            }

            if (groupEnd - index > 1 && tokens[index].Kind == LexKind.Word)
            {
                EmitHyphenatedWhole(text, tokens, index, groupEnd, position, emitted, ref sink);
            }

            index = groupEnd;
        }
    }

    private static void EmitToken<TSink>(List<LexToken> tokens, int index, WordAnalysis analysis, Dictionary<int, List<string>>? norms, int position, List<string> emitted, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var token = tokens[index];
        if (norms is not null && norms.TryGetValue(index, out var normTerms))
        {
            foreach (var normTerm in normTerms)
            {
                Emit(normTerm, position, token.Start, token.Length, TokenKind.Norm, emitted, ref sink);
            }

            return;
        }

        if (analysis.IsMarker && norms is not null && norms.ContainsKey(-index - 1))
        {
            // "Art" of "Art. 20" is part of art20, not the noun Art.
            return;
        }

        if (analysis.Term is { } term)
        {
            Emit(term, position, token.Start, token.Length, token.Kind == LexKind.Number ? TokenKind.Number : TokenKind.Word, emitted, ref sink);
        }

        foreach (var part in analysis.Parts)
        {
            Emit(part, position, token.Start, token.Length, TokenKind.CompoundPart, emitted, ref sink);
        }
    }

    private void EmitHyphenatedWhole<TSink>(string text, List<LexToken> tokens, int start, int end, int position, List<string> emitted, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var builder = new StringBuilder();
        for (var k = start; k < end; k++)
        {
            builder.Append(tokens[k].Span(text));
        }

        var whole = Lookup(builder.ToString());
        var first = tokens[start];
        var length = tokens[end - 1].End - first.Start;
        if (whole.Term is { } term)
        {
            Emit(term, position, first.Start, length, TokenKind.Word, emitted, ref sink);
        }

        foreach (var part in whole.Parts)
        {
            Emit(part, position, first.Start, length, TokenKind.CompoundPart, emitted, ref sink);
        }
    }

    private static void Emit<TSink>(string term, int position, int start, int length, TokenKind kind, List<string> emitted, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        foreach (var existing in emitted)
        {
            if (ReferenceEquals(existing, term) || string.Equals(existing, term, StringComparison.Ordinal))
            {
                return;
            }
        }

        emitted.Add(term);
        sink.Add(term, position, start, length, kind);
    }

    /// <summary>
    /// Norm terms by the token that carries the number; a marker word ("Art", "Artikel") that opened a reference is
    /// recorded under its negated index so that it is not indexed as the noun.
    /// </summary>
    private static Dictionary<int, List<string>>? FindNorms(string text, List<LexToken> tokens, WordAnalysis?[] analyses)
    {
        Dictionary<int, List<string>>? norms = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var isMarker = tokens[i].Kind == LexKind.SectionSign || analyses[i]?.IsMarker == true;
            if (!isMarker || NormReferenceScanner.Scan(text, tokens, i, allowBareNumber: false) is not { } reference)
            {
                continue;
            }

            norms ??= [];
            foreach (var item in reference.Items)
            {
                var term = (item.Kind == NormKind.Article ? "art" : "§") + item.Section;
                if (!norms.TryGetValue(item.SectionToken, out var terms))
                {
                    terms = [];
                    norms[item.SectionToken] = terms;
                }

                if (!terms.Contains(term))
                {
                    terms.Add(term);
                }
            }

            if (tokens[i].Kind == LexKind.Word)
            {
                norms[-i - 1] = [];
            }
        }

        return norms;
    }

    private WordAnalysis Lookup(string text, LexToken token)
    {
        var span = token.Span(text);
        if (span.Length > MaxCachedWordLength)
        {
            return Analyse(GermanNormalizer.Normalize(span), token.Kind == LexKind.Number);
        }

        Span<char> buffer = stackalloc char[GermanNormalizer.MaxLength(MaxCachedWordLength)];
        var length = GermanNormalizer.Normalize(span, buffer);
        var folded = buffer[..length];
        if (_cacheLookup.TryGetValue(folded, out var cached))
        {
            return cached;
        }

        return Remember(new string(folded), token.Kind == LexKind.Number);
    }

    private WordAnalysis Lookup(string word)
    {
        var folded = GermanNormalizer.Normalize(word);
        return _cache.TryGetValue(folded, out var cached) ? cached : Remember(folded, isNumber: false);
    }

    private WordAnalysis Remember(string folded, bool isNumber)
    {
        var analysis = Analyse(folded, isNumber);
        if (Volatile.Read(ref _cachedWords) < MaxCachedWords && _cache.TryAdd(folded, analysis))
        {
            Interlocked.Increment(ref _cachedWords);
        }

        return analysis;
    }

    private WordAnalysis Analyse(string folded, bool isNumber)
    {
        if (isNumber)
        {
            var number = GroupedNumber.Plain(folded);
            return new WordAnalysis(number, number, [], IsMarker: false);
        }

        if (Abbreviations.TryGetValue(folded, out var written))
        {
            folded = GermanNormalizer.Normalize(written);
        }

        var stem = SeparableVerbForms.Normalize(folded, GermanStemmer.Stem(folded));
        var isStop = GermanStopWords.Contains(folded);
        string? term = isStop ? null : StructureWords.GetValueOrDefault(folded, stem);
        if (term is { Length: < 2 })
        {
            term = null;
        }

        string[] parts = [];
        if (!isStop && folded.Length >= CompoundSplitter.MinWordLength && folded.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0)
        {
            var stems = new List<string>();
            foreach (var part in _splitter.Split(folded))
            {
                if (GermanStopWords.Contains(part))
                {
                    continue;
                }

                var partStem = GermanStemmer.Stem(part);
                if (partStem.Length >= 2 && partStem != term && !stems.Contains(partStem))
                {
                    stems.Add(partStem);
                }
            }

            parts = [.. stems];
        }

        return new WordAnalysis(stem, term, parts, MarkerWords.Contains(folded));
    }

    private string ComputeFingerprint()
    {
        var description = new StringBuilder();
        description.Append("german-analyzer/").Append(AlgorithmVersion).Append('\n');
        foreach (var word in GermanStopWords.All)
        {
            description.Append(word).Append('\n');
        }

        foreach (var (word, frequency) in _dictionary.Entries)
        {
            description.Append(word).Append('\t').Append(frequency).Append('\n');
        }

        foreach (var name in _laws.Names)
        {
            description.Append(name).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(description.ToString()));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <param name="PhraseKey">The plain stem, used to match law names.</param>
    /// <param name="Term">The index term, or null for stop words and single letters.</param>
    /// <param name="Parts">Stems of compound parts, without the term itself.</param>
    /// <param name="IsMarker">"Art", "Artikel", "Paragraph": may open a norm reference.</param>
    private sealed record WordAnalysis(string PhraseKey, string? Term, string[] Parts, bool IsMarker);

    private interface ITokenSink
    {
        void Add(string term, int position, int start, int length, TokenKind kind);
    }

    private readonly struct TermSink(List<string> terms) : ITokenSink
    {
        public List<string> Terms => terms;

        public void Add(string term, int position, int start, int length, TokenKind kind) => terms.Add(term);
    }

    private readonly struct TokenSink(List<AnalyzedToken> tokens) : ITokenSink
    {
        public List<AnalyzedToken> Tokens => tokens;

        public void Add(string term, int position, int start, int length, TokenKind kind) =>
            tokens.Add(new AnalyzedToken(term, position, start, length, kind));
    }
}
