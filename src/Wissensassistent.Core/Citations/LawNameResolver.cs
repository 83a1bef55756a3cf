using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Citations;

/// <summary>
/// Maps the names people use for a law (<c>Baugesetzbuch</c>, <c>BBauG</c>, <c>baugb</c>, <c>SGBX</c>,
/// <c>Zehntes Buch Sozialgesetzbuch</c>) to the abbreviation the store cites (<c>BauGB</c>, <c>SGB X</c>).
/// Matching is case-insensitive, folds umlauts, ignores inflection (<c>des Bürgerlichen Gesetzbuchs</c>) and missing
/// spaces between an abbreviation and its book number.
/// </summary>
/// <remarks>
/// A name that fits two laws equally well (two municipalities' <c>Hauptsatzung</c>) resolves to neither. The law's own
/// abbreviation beats an alias, an alias beats the title, the title beats names derived from it.
/// </remarks>
public sealed partial class LawNameResolver
{
    private const int AbbreviationPriority = 0;
    private const int AliasPriority = 1;
    private const int TitlePriority = 2;
    private const int DerivedPriority = 3;
    private const int BuiltInPriority = 4;

    /// <summary>Single words that name no particular law.</summary>
    private static readonly FrozenSet<string> GenericNames = new[]
    {
        "Gesetz", "Satzung", "Verordnung", "Richtlinie", "Richtlinien", "Ordnung", "Vorschrift", "Vorschriften",
        "Bestimmung", "Bestimmungen", "Regelung", "Regelungen", "Anlage", "Anhang", "SGB", "Teil", "Buch", "Abschnitt",
        "Kapitel", "Gesetzbuch", "Sozialgesetzbuch", "Verfassung", "Leitbild", "Benutzungsordnung", "Gebührenordnung",
        "Betriebssatzung", "Geschäftsordnung", "Hauptsatzung", "Verwaltungsvorschrift", "Dienstanweisung", "Polizeiverordnung",
    }.Select(w => GermanStemmer.Stem(GermanNormalizer.Normalize(w))).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Built-in laws cited by article, by <see cref="TermOf"/> of their names.</summary>
    private static readonly FrozenDictionary<string, NormKind> BuiltInKinds = BuiltInLaw.All
        .Where(l => l.DefaultKind != NormKind.Paragraph)
        .SelectMany(l => l.Aliases.Append(l.Law).Select(name => (Term: TermOf(name), l.DefaultKind)))
        .DistinctBy(e => e.Term)
        .ToFrozenDictionary(e => e.Term, e => e.DefaultKind, StringComparer.Ordinal);

    private readonly FrozenDictionary<string, LawPhrase[]> _phrasesByFirstStem;
    private readonly FrozenDictionary<string, NormKind> _defaultKinds;

    /// <summary>Resolves nothing: the parser keeps laws as written.</summary>
    public static LawNameResolver Empty { get; } = new([], []);

    /// <summary>The laws the code knows without a store (<see cref="BuiltInLaw.All"/>): federal laws and Baden-Württemberg law.</summary>
    public static LawNameResolver BuiltIn { get; } = new(
        BuiltInLaw.All.Select(l => new NamedLaw(l.Law, l.Title, l.Aliases, l.DefaultKind)).ToList(),
        []);

    /// <summary>
    /// The laws of a store. Built-in names are added for the same laws (<c>Bürgerliches Gesetzbuch</c> for a store law
    /// <c>BGB</c>), never for laws the store does not hold, so every resolved name is a law the store can look up.
    /// </summary>
    public LawNameResolver(IEnumerable<LawInfo> laws)
        : this(
            laws.Select(l => new NamedLaw(l.Law, l.Title, l.Aliases, BuiltInFor(l)?.DefaultKind ?? NormKind.Paragraph)).ToList(),
            BuiltInLaw.All)
    {
    }

    /// <summary>
    /// The laws of a store and every built-in law beside them: for reading the references of statutes at ingestion,
    /// where a cited law need not be in the corpus (<c>§ 5 WaffG</c>) and the store may still be empty.
    /// </summary>
    public static LawNameResolver WithBuiltIns(IEnumerable<LawInfo> laws)
    {
        ArgumentNullException.ThrowIfNull(laws);
        var named = laws.Select(l => new NamedLaw(l.Law, l.Title, l.Aliases, BuiltInFor(l)?.DefaultKind ?? NormKind.Paragraph)).ToList();
        var held = named.Select(l => l.Law).ToHashSet(StringComparer.OrdinalIgnoreCase);
        named.AddRange(BuiltInLaw.All
            .Where(b => !held.Contains(b.Law) && !b.Aliases.Any(held.Contains))
            .Select(b => new NamedLaw(b.Law, b.Title, b.Aliases, b.DefaultKind)));
        return new LawNameResolver(named, BuiltInLaw.All);
    }

    private LawNameResolver(IReadOnlyList<NamedLaw> laws, IReadOnlyList<BuiltInLaw> enrichment)
    {
        var candidates = new Dictionary<string, (string Law, int Priority, string[] Stems, bool Ambiguous)>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, NormKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var law in laws)
        {
            if (string.IsNullOrWhiteSpace(law.Law))
            {
                continue;
            }

            kinds[law.Law] = law.DefaultKind;
            Add(candidates, law.Law, law.Law, AbbreviationPriority);
            foreach (var alias in law.Aliases)
            {
                Add(candidates, alias, law.Law, AliasPriority);
                foreach (var derived in DerivedNames(alias))
                {
                    Add(candidates, derived, law.Law, DerivedPriority);
                }
            }

            Add(candidates, law.Title, law.Law, TitlePriority);
            foreach (var derived in DerivedNames(law.Title).Concat(DerivedNames(law.Law)))
            {
                Add(candidates, derived, law.Law, DerivedPriority);
            }

            var builtIn = enrichment.FirstOrDefault(b => Matches(b, law));
            if (builtIn is not null)
            {
                foreach (var name in new[] { builtIn.Law, builtIn.Title }.Concat(builtIn.Aliases))
                {
                    Add(candidates, name, law.Law, BuiltInPriority);
                    foreach (var derived in DerivedNames(name))
                    {
                        Add(candidates, derived, law.Law, BuiltInPriority);
                    }
                }
            }
        }

        _phrasesByFirstStem = candidates.Values
            .Where(c => !c.Ambiguous)
            .GroupBy(c => c.Stems[0], StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(c => new LawPhrase(c.Stems, c.Law)).OrderByDescending(p => p.Stems.Length).ThenBy(p => p.Law, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
        _defaultKinds = kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Laws = kinds.Keys.Order(StringComparer.Ordinal).ToArray();
        Names = candidates.Where(c => !c.Value.Ambiguous).Select(c => $"{c.Key}\t{c.Value.Law}").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The canonical abbreviations, ordinally sorted.</summary>
    public IReadOnlyList<string> Laws { get; }

    /// <summary>Every name this resolver understands in its matching form (folded stems joined by spaces), a tab, and its law.</summary>
    internal IReadOnlyList<string> Names { get; }

    /// <summary>The canonical abbreviation for a whole name, or null when the name is unknown or ambiguous.</summary>
    public string? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim().TrimEnd('.');
        var stems = StemKeys(trimmed, TextLexer.Tokenize(trimmed));
        if (stems.Length == 0)
        {
            return null;
        }

        var match = Match(stems, 0);
        return match is { } m && m.TokenCount == stems.Length ? m.Law : null;
    }

    /// <summary>The laws a text names anywhere ("nach der GemO", "im Baugesetzbuch"), canonical abbreviations, in order of mention.</summary>
    public IReadOnlyList<string> FindLaws(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = StemKeys(text, TextLexer.Tokenize(text));
        var laws = new List<string>();
        for (var i = 0; i < stems.Length; i++)
        {
            if (Match(stems, i) is { } match)
            {
                if (!laws.Contains(match.Law, StringComparer.Ordinal))
                {
                    laws.Add(match.Law);
                }

                i += match.TokenCount - 1;
            }
        }

        return laws;
    }

    /// <summary>
    /// How the law's norms are cited when the text does not say: <see cref="NormKind.Article"/> for the Grundgesetz.
    /// Laws this resolver does not hold fall back to the built-in table, so "20 GG" is Art. 20 GG even without a store.
    /// </summary>
    public NormKind DefaultKindOf(string law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return _defaultKinds.TryGetValue(law, out var kind) ? kind : BuiltInKinds.GetValueOrDefault(TermOf(law), NormKind.Paragraph);
    }

    /// <summary>The longest law name that starts at <paramref name="index"/>; <paramref name="stems"/> holds null where a phrase breaks.</summary>
    internal LawNameMatch? Match(IReadOnlyList<string?> stems, int index)
    {
        if (index >= stems.Count || stems[index] is not { } first || !_phrasesByFirstStem.TryGetValue(first, out var phrases))
        {
            return null;
        }

        foreach (var phrase in phrases)
        {
            if (index + phrase.Stems.Length > stems.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 1; k < phrase.Stems.Length; k++)
            {
                if (!string.Equals(stems[index + k], phrase.Stems[k], StringComparison.Ordinal))
                {
                    matches = false;
                    break;
                }
            }

            if (matches)
            {
                return new LawNameMatch(phrase.Law, phrase.Stems.Length, DefaultKindOf(phrase.Law));
            }
        }

        return null;
    }

    internal bool StartsPhrase(string stem) => _phrasesByFirstStem.ContainsKey(stem);

    /// <summary>The matching key of each token: its folded stem for words and numbers, null for punctuation.</summary>
    internal static string?[] StemKeys(string text, IReadOnlyList<LexToken> tokens)
    {
        var keys = new string?[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            keys[i] = StemKey(text, tokens[i]);
        }

        return keys;
    }

    internal static string? StemKey(string text, LexToken token) => token.Kind switch
    {
        LexKind.Word => GermanStemmer.Stem(GermanNormalizer.Normalize(token.Span(text))),
        LexKind.Number => GermanNormalizer.Normalize(token.Span(text)),
        _ => null,
    };

    /// <summary>The index term of a law: its abbreviation folded, without spaces or punctuation (<c>sgbx</c>, <c>baugb</c>).</summary>
    public static string TermOf(string law)
    {
        ArgumentNullException.ThrowIfNull(law);
        var folded = GermanNormalizer.Normalize(law);
        return string.Concat(folded.Where(char.IsLetterOrDigit));
    }

    private static void Add(Dictionary<string, (string Law, int Priority, string[] Stems, bool Ambiguous)> candidates, string name, string law, int priority)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var tokens = TextLexer.Tokenize(name);
        if (tokens.Count == 0 || tokens.Any(t => t.Kind is LexKind.Punctuation or LexKind.SectionSign) || tokens.Count > 12)
        {
            return;
        }

        var stems = StemKeys(name, tokens).Select(s => s!).ToArray();
        if (stems.All(s => s.All(char.IsDigit) || IsRomanNumeral(s)) || (stems.Length == 1 && (GenericNames.Contains(stems[0]) || stems[0].Length < 2)))
        {
            return;
        }

        AddKey(candidates, stems, law, priority);
        if (stems.Length is 2 or 3)
        {
            // "SGBX", "SGB10": abbreviations typed without their space.
            var joined = GermanStemmer.Stem(string.Concat(tokens.Select(t => GermanNormalizer.Normalize(t.Span(name)))));
            AddKey(candidates, [joined], law, priority);
        }
    }

    private static void AddKey(Dictionary<string, (string Law, int Priority, string[] Stems, bool Ambiguous)> candidates, string[] stems, string law, int priority)
    {
        var key = string.Join(' ', stems);
        if (!candidates.TryGetValue(key, out var existing) || priority < existing.Priority)
        {
            candidates[key] = (law, priority, stems, false);
        }
        else if (priority == existing.Priority && !string.Equals(existing.Law, law, StringComparison.OrdinalIgnoreCase))
        {
            candidates[key] = existing with { Ambiguous = true };
        }
    }

    /// <summary>
    /// Shorter names people use for a title: without parentheses, the part before " - " or "/", what stands in
    /// parentheses when it is a name (<c>(Hundesteuersatzung)</c>, not <c>(aufgehoben)</c>), without "für Baden-Württemberg"; for Social Code books the
    /// numbered and spelt-out forms (<c>SGB 10</c>, <c>Zehntes Buch Sozialgesetzbuch</c>).
    /// </summary>
    internal static IEnumerable<string> DerivedNames(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield break;
        }

        var withoutParentheses = Spaces().Replace(Parenthesised().Replace(name, " "), " ").Trim();
        yield return withoutParentheses;
        foreach (var segment in Segments(withoutParentheses))
        {
            yield return segment;
            var withoutState = StateSuffix().Replace(segment, string.Empty).Trim();
            if (withoutState.Length > 0)
            {
                yield return withoutState;
            }
        }

        foreach (Match m in Parenthesised().Matches(name))
        {
            // A name starts with a capital ("(Hundesteuersatzung)"); "(aufgehoben)" or "(weggefallen)" says the law's status.
            foreach (var segment in Segments(m.Value.Trim('(', ')', ' ')).Where(s => !char.IsLower(s[0])))
            {
                yield return segment;
            }
        }

        var book = SocialCodeBook().Match(name.Trim());
        if (book.Success)
        {
            var index = Array.IndexOf(BuiltInLaw.Roman, book.Groups[1].Value.ToUpperInvariant());
            if (index >= 0)
            {
                var ordinal = BuiltInLaw.Ordinals[index];
                yield return $"SGB {index + 1}";
                yield return $"Sozialgesetzbuch {BuiltInLaw.Roman[index]}";
                yield return $"Sozialgesetzbuch {ordinal} Buch";
                yield return $"{ordinal} Buch Sozialgesetzbuch";
                yield return $"{ordinal} Buch des Sozialgesetzbuches";
                yield return $"SGB {ordinal} Buch";
                if (index == 6)
                {
                    yield return "Sozialgesetzbuch Siebentes Buch";
                    yield return "Siebentes Buch Sozialgesetzbuch";
                }
            }
        }
    }

    private static IEnumerable<string> Segments(string name) =>
        SegmentSeparator().Split(name).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static bool IsRomanNumeral(string stem) => stem.Length <= 4 && stem.All(c => c is 'i' or 'v' or 'x');

    private static BuiltInLaw? BuiltInFor(LawInfo law) => BuiltInLaw.All.FirstOrDefault(b => Matches(b, new NamedLaw(law.Law, law.Title, law.Aliases, NormKind.Paragraph)));

    /// <summary>
    /// A built-in law is the same law when its abbreviation, an alias or a numbered form (<c>SGB 10</c>) equals the
    /// store law's abbreviation or an alias.
    /// </summary>
    private static bool Matches(BuiltInLaw builtIn, NamedLaw law)
    {
        var lawTerms = law.Aliases.Append(law.Law).Select(TermOf).ToHashSet(StringComparer.Ordinal);
        return builtIn.Aliases.Append(builtIn.Law).Concat(DerivedNames(builtIn.Law)).Any(name => lawTerms.Contains(TermOf(name)));
    }

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+[-–—]\s+|/|:|;|,")]
    private static partial Regex SegmentSeparator();

    [GeneratedRegex(@"\s*(für\s+)?(das\s+Land\s+)?Baden-Württemberg$", RegexOptions.IgnoreCase)]
    private static partial Regex StateSuffix();

    [GeneratedRegex(@"^SGB\s*([IVX]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SocialCodeBook();

    private sealed record NamedLaw(string Law, string Title, IReadOnlyList<string> Aliases, NormKind DefaultKind);

    private sealed record LawPhrase(string[] Stems, string Law);
}
