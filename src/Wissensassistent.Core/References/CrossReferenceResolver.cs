using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.References;

/// <summary>
/// Finds the references inside a norm's text and resolves each to an address, on the one citation grammar
/// (<see cref="CitationParser"/>, <see cref="NormReferenceScanner"/>): explicit (<c>§ 3 Abs. 2 BauGB</c>), same-law
/// (<c>§ 34</c>, <c>§ 5 dieses Gesetzes</c>), relative (<c>nach Absatz 1</c>, <c>Satz 2</c>, <c>der vorstehenden
/// Vorschrift</c>) and chained (<c>§ 18 GemO i. V. m. § 5</c>).
/// </summary>
/// <remarks>
/// Whether a target exists is not decided here: the corpus changes after ingestion, so <see cref="CrossReferenceStatus"/>
/// checks each target against the live store. A reference whose law cannot be told (<c>§ 5 der Satzung</c>,
/// <c>Absatz 2 des Vertrages</c>) is left out rather than guessed.
/// </remarks>
public sealed class CrossReferenceResolver
{
    /// <summary>Nouns after "dieses"/"dieser" that mean the referring law itself: "§ 5 dieses Gesetzes".</summary>
    private static readonly FrozenSet<string> OwnLawNouns = new[]
    {
        "gesetzes", "gesetz", "buches", "satzung", "verordnung", "ordnung", "richtlinie", "richtlinien", "teils",
        "kapitels", "abschnitts", "abschnittes", "unterabschnitts", "titels", "vertrages", "vertrags", "grundgesetzes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words shortly before "Nr."/"Satz" that make it a number of something else: "BGBl. I S. 1", "Anlage 1 Nr. 3".</summary>
    private static readonly FrozenSet<string> ForeignNumberWords = new[]
    {
        "bgbl", "gbl", "gvbl", "bundesgesetzblatt", "gesetzblatt", "amtsblatt", "drucksache", "drs", "az", "aktenzeichen",
        "anlage", "anlagen", "anhang", "tabelle", "spalte", "zeile", "muster", "vordruck", "verzeichnis", "tarif",
        "tarifstelle", "richtlinie", "artikel", "art", "ziffer", "gebuhrenverzeichnis", "kostenverzeichnis",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> SocialCodeBooks = BuiltInLaw.Ordinals
        .Select((ordinal, i) => (Key: GermanNormalizer.Normalize(ordinal.AsSpan(0, ordinal.Length - 2)), Law: "SGB " + BuiltInLaw.Roman[i]))
        .ToFrozenDictionary(e => e.Key, e => e.Law, StringComparer.Ordinal);

    /// <summary>Endings of compound statute names in the genitive ("des Bestattungsgesetzes") and their nominative.</summary>
    private static readonly (string Genitive, string Nominative)[] StatuteGenitives =
    [
        ("gesetzes", "gesetz"), ("gesetzbuches", "gesetzbuch"), ("gesetzbuchs", "gesetzbuch"), ("verordnung", "verordnung"),
        ("ordnung", "ordnung"), ("satzung", "satzung"),
    ];

    private readonly CitationParser _parser;

    public CrossReferenceResolver(CitationParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    /// <summary>The chunks of one document, in order, each with the references of its text.</summary>
    public IReadOnlyList<Chunk> Annotate(IReadOnlyList<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var norms = chunks.Select(c => c.Citation.Norm).Distinct().ToList();
        var absaetze = chunks
            .GroupBy(c => c.Citation.NormKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Citation.Absatz).Distinct().Count(), StringComparer.Ordinal);
        var annotated = new List<Chunk>(chunks.Count);
        foreach (var chunk in chunks)
        {
            if (chunk.IsRepealed)
            {
                annotated.Add(chunk);
                continue;
            }

            var index = norms.IndexOf(chunk.Citation.Norm);
            var previous = index > 0 && norms[index - 1].Kind == chunk.Citation.Kind ? norms[index - 1] : null;
            var context = new ReferenceContext(chunk.Citation, previous, absaetze[chunk.Citation.NormKey]);
            annotated.Add(chunk with { References = Resolve(chunk.Text, context) });
        }

        return annotated;
    }

    /// <summary>The references of <paramref name="text"/>, a passage at <paramref name="context"/>, in order of appearance.</summary>
    public IReadOnlyList<CrossReference> Resolve(string text, ReferenceContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        if (!text.IsNormalized(NormalizationForm.FormC) || context.Citation.Law.Length == 0)
        {
            // Spans are offsets into the stored text; a text the parser would normalise first would shift them.
            return [];
        }

        var tokens = TextLexer.Tokenize(text);
        var covered = new bool[tokens.Count];
        var references = new List<CrossReference>();
        var designations = _parser.FindDesignations(text, tokens);
        var declared = DeclaredLaws(text, tokens);
        DesignatedCitation? previousGroup = null;
        string? previousLaw = null;
        foreach (var designation in designations)
        {
            for (var k = designation.StartToken; k < designation.EndToken; k++)
            {
                covered[k] = true;
            }

            var isNewGroup = previousGroup is null || previousGroup.StartToken != designation.StartToken;
            if (LawOf(text, tokens, designation, context, isNewGroup ? previousGroup : null, isNewGroup ? previousLaw : null, declared) is not { } found)
            {
                continue;
            }

            if (designation.Citation.Kind is not (NormKind.Paragraph or NormKind.Article))
            {
                continue;
            }

            if (isNewGroup)
            {
                previousGroup = designation;
                previousLaw = found.Law;
            }

            var target = designation.Citation with { Law = found.Law };
            references.Add(new CrossReference(designation.Start, designation.End - designation.Start, target, found.Basis));
        }

        if (context.Citation.Kind is NormKind.Paragraph or NormKind.Article)
        {
            AddRelative(text, tokens, covered, designations, context, references);
        }

        // Order by position; among references of one span the designation written there comes first.
        return references
            .Select((reference, order) => (reference, order))
            .OrderBy(r => r.reference.Start)
            .ThenBy(r => r.order)
            .Select(r => r.reference)
            .ToList();
    }

    private static (string Law, ReferenceBasis Basis)? LawOf(string text, List<LexToken> tokens, DesignatedCitation designation, ReferenceContext context, DesignatedCitation? previous, string? previousLaw, IReadOnlyList<(int Token, string Law)> declared)
    {
        var citation = designation.Citation;
        if (citation.Law.Length > 0)
        {
            return (citation.Law, designation.LawInherited ? ReferenceBasis.Chain : ReferenceBasis.Explicit);
        }

        var after = designation.EndToken;
        if (Word(text, tokens, after) is "dieses" or "dieser" && Word(text, tokens, after + 1) is { } noun && OwnLawNouns.Contains(noun))
        {
            return (context.Citation.Law, ReferenceBasis.SameLaw);
        }

        if (Word(text, tokens, after) is "des" && SocialCodeBookAt(text, tokens, after + 1) is { } book)
        {
            // "§ 44 des Zehnten Buches": the social code's books cite each other without "Sozialgesetzbuch".
            return (book, ReferenceBasis.Explicit);
        }

        if (Word(text, tokens, after) is "des" or "der" && after + 1 < tokens.Count && tokens[after + 1].Kind == LexKind.Word
            && char.IsUpper(text[tokens[after + 1].Start]))
        {
            // "§ 12 des Bestattungsgesetzes": a law outside the names known, kept as written so that it shows as such;
            // "§ 2 des Gesetzes über …", "§ 5 der Satzung": another law that cannot be told, left out.
            return StatuteNamed(text, tokens[after + 1]) is { } written ? (written, ReferenceBasis.Explicit) : null;
        }

        if (previous is not null && previousLaw is not null && IsInConnectionWith(text, tokens, previous.EndToken, designation.StartToken))
        {
            return (previousLaw, ReferenceBasis.Chain);
        }

        // "Entsprechend anwendbar sind die Vorschriften des Dritten Buches über … (§ 330 Absatz 2)": within that sentence.
        if (declared.LastOrDefault(d => d.Token < designation.StartToken && !EndsSentenceBetween(text, tokens, d.Token, designation.StartToken)) is { Law: { } law })
        {
            return (law, ReferenceBasis.Chain);
        }

        return (context.Citation.Law, ReferenceBasis.SameLaw);
    }

    /// <summary>
    /// Laws a passage names for what follows: "die Vorschriften des Dritten Buches über", "Aus der Abgabenordnung sind
    /// anzuwenden:", "Bestimmungen des Baugesetzbuchs"; each with the token it starts at.
    /// </summary>
    private List<(int Token, string Law)> DeclaredLaws(string text, List<LexToken> tokens)
    {
        var declared = new List<(int Token, string Law)>();
        string?[]? keys = null;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (Word(text, tokens, i) is not ("vorschrift" or "vorschriften" or "bestimmung" or "bestimmungen" or "aus")
                || Word(text, tokens, i + 1) is not ("des" or "der" or "dem"))
            {
                continue;
            }

            if (SocialCodeBookAt(text, tokens, i + 2) is { } book)
            {
                declared.Add((i, book));
                continue;
            }

            keys ??= LawNameResolver.StemKeys(text, tokens);
            if (keys[i + 2] is not null && _parser.Laws.Match(keys, i + 2) is { } match)
            {
                declared.Add((i, match.Law));
            }
        }

        return declared;
    }

    /// <summary>"Zehnten Buches" at <paramref name="index"/>: the social code's book an ordinal and "Buch(e)s" name ("SGB X").</summary>
    private static string? SocialCodeBookAt(string text, List<LexToken> tokens, int index) =>
        Word(text, tokens, index + 1) is "buches" or "buchs"
        && Word(text, tokens, index) is { Length: > 4 } ordinal && ordinal.EndsWith("en", StringComparison.Ordinal)
        && SocialCodeBooks.TryGetValue(ordinal[..^2], out var book)
            ? book
            : null;

    /// <summary>Whether a sentence ends between two tokens: a full stop before a capital, outside abbreviations such as "Abs.".</summary>
    private static bool EndsSentenceBetween(string text, List<LexToken> tokens, int from, int to)
    {
        for (var k = from + 1; k < to - 1; k++)
        {
            var previous = tokens[k - 1];
            var abbreviation = previous.Kind == LexKind.Word && previous.Length <= 4;
            if (tokens[k].IsPunctuation(text, '.') && !abbreviation
                && tokens[k + 1].Kind == LexKind.Word && char.IsUpper(text[tokens[k + 1].Start]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "i. V. m." or "in Verbindung mit" between two citations and nothing else: the second continues the first's law.
    /// "und" or a comma does not (in a bylaw "§ 19 GemO und § 5" may well mean the bylaw's own § 5).
    /// </summary>
    private static bool IsInConnectionWith(string text, List<LexToken> tokens, int from, int to)
    {
        var words = new List<string>();
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Kind == LexKind.Word)
            {
                words.Add(NormReferenceScanner.Folded(text, tokens[k]));
            }
            else if (!tokens[k].IsPunctuation(text, '.'))
            {
                return false;
            }
        }

        return string.Join(' ', words) is "i v m" or "ivm" or "in verbindung mit";
    }

    /// <summary>"Bestattungsgesetzes" → "Bestattungsgesetz": a compound statute name in the genitive; null for "Gesetzes", "Satzung".</summary>
    private static string? StatuteNamed(string text, LexToken token)
    {
        var word = token.Span(text).ToString();
        foreach (var (genitive, nominative) in StatuteGenitives)
        {
            if (word.Length > genitive.Length + 3 && word.EndsWith(genitive, StringComparison.Ordinal))
            {
                return word[..^genitive.Length] + nominative;
            }
        }

        return null;
    }

    /// <summary>"nach Absatz 1", "Satz 2", "Nummern 1 bis 3", "Absatz 2 des § 5", "der vorstehenden Vorschrift".</summary>
    private static void AddRelative(string text, List<LexToken> tokens, bool[] covered, IReadOnlyList<DesignatedCitation> designations, ReferenceContext context, List<CrossReference> references)
    {
        var own = context.Citation;
        var item = new NormReferenceItem(own.Kind, own.Section, 0, own.Absatz, own.Satz, own.Nummer);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (covered[i] || tokens[i].Kind != LexKind.Word)
            {
                continue;
            }

            if (Word(text, tokens, i) is { } word && word.StartsWith("vorstehend", StringComparison.Ordinal)
                && !(i + 2 < tokens.Count && tokens[i + 2].Kind == LexKind.Number))
            {
                // "den vorstehenden Absätzen 1 bis 3" names its numbers: the relative reading below takes them.
                if (Preceding(text, tokens, i, context) is { } preceding)
                {
                    foreach (var target in preceding)
                    {
                        references.Add(new CrossReference(tokens[i].Start, tokens[i + 1].End - tokens[i].Start, target, ReferenceBasis.Relative));
                    }

                    i++;
                }

                continue;
            }

            if (Word(text, tokens, i) is "s" || IsForeignNumber(text, tokens, i)
                || NormReferenceScanner.ScanRelative(text, tokens, i, item) is not { } relative)
            {
                continue;
            }

            var end = relative.EndToken;
            var basis = ReferenceBasis.Relative;
            var targets = relative.Items.Select(r => r.ToCitation(own.Law)).ToList();
            var before = designations.LastOrDefault(d => d.EndToken <= i);
            if (before is not null && IsInConnectionWith(text, tokens, before.EndToken, i)
                && references.FirstOrDefault(r => r.Start == before.Start) is { } chained)
            {
                // "§ 335 Absatz 5 SGB III in Verbindung mit Absatz 1 Satz 1": the Absatz of the norm just cited.
                targets = targets.Select(t => t with { Law = chained.Target.Law, Kind = chained.Target.Kind, Section = chained.Target.Section }).ToList();
                basis = ReferenceBasis.Chain;
            }
            else if (Word(text, tokens, end) is "des" or "der" or "dieses" or "dieser" or "in")
            {
                var norm = designations.FirstOrDefault(d => d.StartToken == end + 1);
                if (norm is not null)
                {
                    // "Absatz 2 des § 5": the details belong to the norm that follows.
                    var found = references.FirstOrDefault(r => r.Start == norm.Start);
                    if (found is null)
                    {
                        continue;
                    }

                    targets = targets.Select(t => t with { Law = found.Target.Law, Kind = found.Target.Kind, Section = found.Target.Section }).ToList();
                    basis = found.Basis;
                }
                else if (end + 1 < tokens.Count && tokens[end + 1].Kind == LexKind.Word && char.IsUpper(text[tokens[end + 1].Start])
                         && Word(text, tokens, end) is "des" or "der")
                {
                    // "Nummer 3 der Anlage", "Absatz 2 des Vertrages": not this norm.
                    i = end - 1;
                    continue;
                }
            }

            var start = tokens[i].Start;
            var length = tokens[end - 1].End - start;
            foreach (var target in targets.Distinct())
            {
                references.Add(new CrossReference(start, length, target, basis));
            }

            i = end - 1;
        }
    }

    /// <summary>"des vorstehenden Absatzes", "die vorstehenden Absätze", "der vorstehenden Vorschrift" where unambiguous.</summary>
    private static IReadOnlyList<Citation>? Preceding(string text, List<LexToken> tokens, int index, ReferenceContext context)
    {
        var own = context.Citation;
        var noun = Word(text, tokens, index + 1);
        var absatz = int.TryParse(own.Absatz, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        switch (noun)
        {
            case "absatz" or "absatzes" when absatz > 1:
                return [own.Norm with { Absatz = (absatz.Value - 1).ToString(CultureInfo.InvariantCulture) }];
            case "absatze" or "absatzen" when absatz > 1:
                return Enumerable.Range(1, absatz.Value - 1).Select(a => own.Norm with { Absatz = a.ToString(CultureInfo.InvariantCulture) }).ToList();
            case "vorschrift" or "paragraph" or "paragraphen" or "paragrafen" when context.PreviousNorm is { } previous && (absatz is null or 1 || context.AbsatzCount <= 1):
                // Within the first (or only) Absatz the preceding provision can only be the preceding norm.
                return noun is "paragraphen" or "paragrafen" && Word(text, tokens, index - 1) is "den" or "die" ? null : [previous];
            default:
                return null;
        }
    }

    /// <summary>"BGBl. I Nr. 5", "Anlage 1 Nr. 3": a number of a gazette, an annex or a table.</summary>
    private static bool IsForeignNumber(string text, List<LexToken> tokens, int index)
    {
        for (var k = index - 1; k >= Math.Max(0, index - 4); k--)
        {
            if (tokens[k].Kind == LexKind.SectionSign)
            {
                return false;
            }

            if (Word(text, tokens, k) is { } word && ForeignNumberWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Word(string text, List<LexToken> tokens, int index) =>
        index >= 0 && index < tokens.Count && tokens[index].Kind == LexKind.Word ? NormReferenceScanner.Folded(text, tokens[index]) : null;
}
