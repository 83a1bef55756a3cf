using System.Collections.Frozen;
using System.Text;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Citations;

/// <summary>
/// Reads citations as people type them: <c>§35 Abs 1 BauGB</c>, <c>35 baugb</c>, <c>Art 20 Abs. 3 GG</c>,
/// <c>§§ 48, 49 VwVfG</c>, <c>SGB X § 44</c>, <c>Baugesetzbuch § 35</c>, <c>Richtlinie Ehrungen Bad Boll, Nr. 2.1</c>.
/// </summary>
/// <remarks>
/// <para>Laws are resolved to their canonical abbreviation through the <see cref="LawNameResolver"/>. A law the resolver
/// does not know is kept as written when it looks like an abbreviation (<c>WaffG</c>) or a statute's name
/// (<c>Hundesteuersatzung</c>); <see cref="Parse"/>, which reads an input that is nothing but a citation, takes whatever
/// follows the designation as the law.</para>
/// <para>A citation without a law ("§ 5 Abs. 1") is returned with an empty <see cref="Citation.Law"/> so that the caller
/// can supply the law from context (the document at hand, the previous question). In free text such a citation takes the
/// law of a directly following citation it is joined to ("§ 34 und § 35 BauGB", "§ 35 i.V.m. § 34 BauGB").</para>
/// <para>Bare numbers count in free text only next to a law the resolver knows ("35 baugb", "BauGB 35"); years
/// after a law ("BauGB 2017") and dates do not. Ranges expand when short (<c>§§ 1-3 BGB</c> is §§ 1, 2 and 3, see
/// <see cref="NormReferenceScanner"/>).</para>
/// </remarks>
public sealed class CitationParser
{
    private const int MaxLawNameTokens = 12;

    /// <summary>Articles and prepositions between a designation and its law: "§ 4 der Gemeindeordnung".</summary>
    private static readonly FrozenSet<string> LawFillers = new[] { "des", "der", "dem", "den", "im" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that make a following number a date or period, not a norm: "Januar 2020", "seit 2017".</summary>
    private static readonly FrozenSet<string> DateWords = new[]
    {
        "januar", "jan", "februar", "feb", "marz", "mar", "april", "apr", "mai", "juni", "jun", "juli", "jul", "august",
        "aug", "september", "sep", "sept", "oktober", "okt", "november", "nov", "dezember", "dez", "jahr", "jahre",
        "jahres", "jahren", "seit", "ab", "bis", "vom", "am", "stand", "fassung",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Stems of units after a number: "nach dem SGB II 12 Monate" names no § 12.</summary>
    private static readonly FrozenSet<string> QuantityWords = new[]
    {
        "sekund", "minut", "stund", "tag", "woch", "monat", "jahr", "euro", "eur", "cent", "prozent", "mal", "person",
        "stuck", "seit", "qm", "km", "kg", "meter",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that join two references ("§ 34 und § 35 BauGB", "§ 35 i.V.m. § 34 BauGB").</summary>
    private static readonly FrozenSet<string> Connectors = new[]
    {
        "und", "oder", "sowie", "bzw", "i", "v", "m", "ivm", "in", "verbindung", "mit", "auch",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] StatuteSuffixes = ["gesetz", "gesetzbuch", "ordnung", "satzung", "verordnung", "richtlinie", "richtlinien"];

    /// <summary>Words with a statute's ending that name no statute ("§ 59b Anordnung …" is a norm's heading).</summary>
    private static readonly string[] NonStatuteSuffixes = ["anordnung", "zuordnung", "einordnung", "beiordnung", "unterordnung", "sitzordnung", "rangordnung"];

    private static readonly FrozenSet<string> GenericStatutes = new[]
    {
        "gesetz", "gesetzbuch", "ordnung", "satzung", "verordnung", "richtlinie", "richtlinien",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly LawNameResolver _laws;

    /// <summary>A parser that keeps laws as written (no resolver).</summary>
    public CitationParser()
        : this(LawNameResolver.Empty)
    {
    }

    public CitationParser(LawNameResolver laws)
    {
        ArgumentNullException.ThrowIfNull(laws);
        _laws = laws;
    }

    /// <summary>The law names this parser resolves.</summary>
    public LawNameResolver Laws => _laws;

    /// <summary>
    /// Parses an input that is a citation and nothing else (the CLI's <c>show</c>): <c>§ 35 Abs. 1 BauGB</c> gives one
    /// citation, <c>§§ 48, 49 VwVfG</c> two; empty when the input is no citation.
    /// </summary>
    public IReadOnlyList<Citation> Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = ToNfc(input.Trim());
        var tokens = TextLexer.Tokenize(text);
        if (tokens.Count == 0)
        {
            return [];
        }

        var keys = LawNameResolver.StemKeys(text, tokens);
        if (NormReferenceScanner.IsMarker(text, tokens, 0) || tokens[0].Kind == LexKind.Number)
        {
            return ParseDesignationFirst(text, tokens, keys);
        }

        return ParseLawFirst(text, tokens, keys);
    }

    /// <summary>Every citation in free text, in order of appearance, with its span.</summary>
    public IReadOnlyList<CitationMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = ToNfc(text);
        var tokens = TextLexer.Tokenize(text);
        return FindGroups(text, tokens).SelectMany(g => g.Items.Select(item => new CitationMatch(
                item.ToCitation(g.Law?.Law ?? string.Empty),
                tokens[g.StartToken].Start,
                tokens[g.EndToken - 1].End - tokens[g.StartToken].Start,
                g.Law?.Resolved ?? false)))
            .ToList();
    }

    /// <summary>
    /// Every citation in <paramref name="text"/> (already NFC, tokenised as <paramref name="tokens"/>) with the span of
    /// its own designation, for the cross-reference resolver: <c>§§ 48, 49 VwVfG</c> gives "§§ 48" and "49".
    /// </summary>
    internal IReadOnlyList<DesignatedCitation> FindDesignations(string text, List<LexToken> tokens)
    {
        var found = new List<DesignatedCitation>();
        foreach (var group in FindGroups(text, tokens))
        {
            var start = tokens[group.StartToken].Start;
            var end = tokens[group.EndToken - 1].End;
            var inherited = group.Law is { } law && (law.StartToken < group.StartToken || law.StartToken >= group.EndToken);
            var distinct = group.Items.Select(item => item.SectionToken).Distinct().Count();

            // The numbers inside a range ("§§ 12 bis 14" is also § 13) share the end's token: the end comes first there.
            var items = group.Items
                .OrderBy(item => item.SectionToken)
                .ThenBy(item => tokens[item.SectionToken].Span(text).Equals(item.Section, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ToList();
            foreach (var item in items)
            {
                var token = tokens[item.SectionToken];
                var (itemStart, itemEnd) = distinct == 1 ? (start, end)
                    : item.SectionToken == group.Items[0].SectionToken ? (start, token.End)
                    : (token.Start, token.End);
                found.Add(new DesignatedCitation(
                    item.ToCitation(group.Law?.Law ?? string.Empty),
                    start,
                    end,
                    itemStart,
                    itemEnd,
                    group.Law?.Resolved ?? false,
                    inherited,
                    group.StartToken,
                    group.EndToken));
            }
        }

        return found;
    }

    /// <summary>Whether only connectors ("und", ",", "i. V. m.") stand between two token positions.</summary>
    private static bool AreJoined(string text, List<LexToken> tokens, int fromToken, int toToken)
    {
        for (var k = fromToken; k < toToken; k++)
        {
            var token = tokens[k];
            var joined = token.Kind switch
            {
                LexKind.Punctuation => text[token.Start] is ',' or '.' or ';',
                LexKind.Word => Connectors.Contains(NormReferenceScanner.Folded(text, token)),
                _ => false,
            };
            if (!joined)
            {
                return false;
            }
        }

        return true;
    }

    private List<MatchGroup> FindGroups(string text, List<LexToken> tokens)
    {
        var keys = LawNameResolver.StemKeys(text, tokens);
        var groups = new List<MatchGroup>();
        var i = 0;
        while (i < tokens.Count)
        {
            var next = TryReference(text, tokens, keys, i, groups)
                ?? TryBareReference(text, tokens, keys, i, groups)
                ?? TryItem(text, tokens, keys, i, groups);
            i = next ?? i + 1;
        }

        InheritLaws(text, tokens, groups);
        return groups;
    }

    /// <summary>"§ 35 BauGB", "SGB X § 44", "Art. 20 GG", "§ 5 Abs. 1".</summary>
    private int? TryReference(string text, List<LexToken> tokens, string?[] keys, int i, List<MatchGroup> groups)
    {
        if (!NormReferenceScanner.IsMarker(text, tokens, i) || NormReferenceScanner.Scan(text, tokens, i, allowBareNumber: false) is not { } reference)
        {
            return null;
        }

        var items = reference.Items.ToList();
        var law = LawAfter(text, tokens, keys, reference.EndToken, allowWritten: true);
        var start = i;
        var end = reference.EndToken;
        if (law is { } after)
        {
            end = after.EndToken;
            if (reference.Items.All(item => item.Absatz is null && item.Satz is null && item.Nummer is null))
            {
                // "§ 35 BauGB Abs. 1".
                end = NormReferenceScanner.ReadDetails(text, tokens, end, items);
            }
        }
        else if (LawBefore(text, tokens, keys, i, allowWritten: true) is { } before && !IsClaimed(groups, before.StartToken))
        {
            law = before;
            start = before.StartToken;
        }

        groups.Add(new MatchGroup(items, start, end, law));
        return end;
    }

    /// <summary>"35 baugb", "BauGB 35": a bare number counts only next to a law the resolver knows.</summary>
    private int? TryBareReference(string text, List<LexToken> tokens, string?[] keys, int i, List<MatchGroup> groups)
    {
        var token = tokens[i];
        if (token.Kind != LexKind.Number || !NormReferenceScanner.IsSectionDesignation(token.Span(text).ToString().ToLowerInvariant()))
        {
            return null;
        }

        if (i > 0 && (IsDateWord(keys[i - 1]) || tokens[i - 1].Kind == LexKind.SectionSign || IsDetailKeywordBefore(text, tokens, i)))
        {
            return null;
        }

        if (NormReferenceScanner.Scan(text, tokens, i, allowBareNumber: true) is not { } reference)
        {
            return null;
        }

        var after = LawAfter(text, tokens, keys, reference.EndToken, allowWritten: false);
        if (after is { } law)
        {
            groups.Add(new MatchGroup(WithKind(reference.Items, law.Law), i, law.EndToken, law));
            return law.EndToken;
        }

        var looksLikeYear = token.Length == 4 && token.Span(text) is ['1', '8' or '9', ..] or ['2', '0', ..];
        if (!looksLikeYear && !IsQuantityAt(text, tokens, keys, reference.EndToken) && LawBefore(text, tokens, keys, i, allowWritten: false) is { } before && !IsClaimed(groups, before.StartToken))
        {
            groups.Add(new MatchGroup(WithKind(reference.Items, before.Law), before.StartToken, reference.EndToken, before));
            return reference.EndToken;
        }

        return null;
    }

    /// <summary>"Richtlinie Ehrungen Bad Boll, Nr. 2.1": a numbered item of a guideline the resolver knows.</summary>
    private int? TryItem(string text, List<LexToken> tokens, string?[] keys, int i, List<MatchGroup> groups)
    {
        if (keys[i] is null || _laws.Match(keys, i) is not { } match)
        {
            return null;
        }

        var j = i + match.TokenCount;
        if (j < tokens.Count && tokens[j].IsPunctuation(text, ','))
        {
            j++;
        }

        if (ItemAt(text, tokens, j) is not { } item)
        {
            return null;
        }

        groups.Add(new MatchGroup([item.Item], i, item.EndToken, new LawSpan(match.Law, i, i + match.TokenCount, Resolved: true)));
        return item.EndToken;
    }

    private IReadOnlyList<Citation> ParseDesignationFirst(string text, List<LexToken> tokens, string?[] keys)
    {
        if (NormReferenceScanner.Scan(text, tokens, 0, allowBareNumber: true) is not { } reference)
        {
            return [];
        }

        var items = reference.Items.ToList();
        var j = reference.EndToken;
        string law;
        if (LawAfter(text, tokens, keys, j, allowWritten: false) is { } resolved && TrailingEnd(text, tokens, resolved.EndToken, items) == tokens.Count)
        {
            law = resolved.Law;
        }
        else
        {
            law = RestAsWritten(text, tokens, SkipFiller(tokens, keys, j));
        }

        var result = reference.HasMarker ? items : WithKind(items, law);
        return result.Select(item => item.ToCitation(law)).ToList();
    }

    private IReadOnlyList<Citation> ParseLawFirst(string text, List<LexToken> tokens, string?[] keys)
    {
        // "des Bürgerlichen Gesetzbuchs § 573".
        var lawStart = SkipFiller(tokens, keys, 0);
        var designation = -1;
        for (var k = lawStart + 1; k < tokens.Count; k++)
        {
            if (NormReferenceScanner.IsMarker(text, tokens, k) || tokens[k].Kind == LexKind.Number || ItemAt(text, tokens, k) is not null)
            {
                designation = k;
                break;
            }
        }

        if (designation < 0)
        {
            return [];
        }

        var lawEnd = designation;
        if (tokens[lawEnd - 1].IsPunctuation(text, ','))
        {
            lawEnd--;
        }

        string law;
        if (_laws.Match(keys, lawStart) is { } match && lawStart + match.TokenCount == lawEnd)
        {
            law = match.Law;
        }
        else
        {
            law = text[tokens[0].Start..tokens[lawEnd - 1].End].Trim();
        }

        if (ItemAt(text, tokens, designation) is { } item)
        {
            return [item.Item.ToCitation(law)];
        }

        if (NormReferenceScanner.Scan(text, tokens, designation, allowBareNumber: true) is not { } reference)
        {
            return [];
        }

        var items = reference.HasMarker ? reference.Items : WithKind(reference.Items, law);
        return items.Select(i => i.ToCitation(law)).ToList();
    }

    /// <summary>"Nr. 2.1" at <paramref name="index"/>: an item of a guideline.</summary>
    private static (NormReferenceItem Item, int EndToken)? ItemAt(string text, List<LexToken> tokens, int index)
    {
        if (index >= tokens.Count || tokens[index].Kind != LexKind.Word || tokens[index].Length > 6)
        {
            return null;
        }

        var word = NormReferenceScanner.Folded(text, tokens[index]);
        if (word is not ("nr" or "nummer" or "ziff" or "ziffer"))
        {
            return null;
        }

        var value = index + 1;
        if (value < tokens.Count && tokens[value].IsPunctuation(text, '.'))
        {
            value++;
        }

        if (value >= tokens.Count || tokens[value].Kind != LexKind.Number || tokens[value].Span(text).Contains(','))
        {
            return null;
        }

        var section = tokens[value].Span(text).ToString().ToLowerInvariant();
        return (new NormReferenceItem(NormKind.Item, section, value), value + 1);
    }

    /// <summary>A law right after a designation, possibly after "des"/"der": resolved, or (if allowed) as written.</summary>
    private LawSpan? LawAfter(string text, List<LexToken> tokens, string?[] keys, int index, bool allowWritten)
    {
        var k = SkipFiller(tokens, keys, index);
        if (k >= tokens.Count)
        {
            return null;
        }

        if (keys[k] is not null && _laws.Match(keys, k) is { } match)
        {
            return new LawSpan(match.Law, k, k + match.TokenCount, Resolved: true);
        }

        return allowWritten ? WrittenLawAt(text, tokens, k) : null;
    }

    /// <summary>A law that ends right before <paramref name="index"/>: "SGB X § 44", "BauGB 35".</summary>
    private LawSpan? LawBefore(string text, List<LexToken> tokens, string?[] keys, int index, bool allowWritten)
    {
        for (var start = Math.Max(0, index - MaxLawNameTokens); start < index; start++)
        {
            if (keys[start] is null || Enumerable.Range(start, index - start).Any(k => keys[k] is null))
            {
                continue;
            }

            if (_laws.Match(keys, start) is { } match && start + match.TokenCount == index)
            {
                return new LawSpan(match.Law, start, index, Resolved: true);
            }
        }

        if (!allowWritten || index == 0)
        {
            return null;
        }

        if (index >= 2 && WrittenLawAt(text, tokens, index - 2) is { } two && two.EndToken == index)
        {
            return two;
        }

        return WrittenLawAt(text, tokens, index - 1) is { } one && one.EndToken == index ? one : null;
    }

    /// <summary>
    /// A law the resolver does not know, as written: an abbreviation (<c>WaffG</c>, <c>GG</c>, <c>SGB X</c>) or a single
    /// statute name (<c>Hundesteuersatzung</c>), never a generic word (<c>Satzung</c>). A hyphenated name is taken whole
    /// when one of its pieces qualifies (<c>COVID-19-Schutzmaßnahmen-Ausnahmenverordnung</c>).
    /// </summary>
    private static LawSpan? WrittenLawAt(string text, List<LexToken> tokens, int index)
    {
        if (index >= tokens.Count || tokens[index].Kind != LexKind.Word || tokens[index].HyphenJoined)
        {
            return null;
        }

        var end = index + 1;
        while (end < tokens.Count && tokens[end].HyphenJoined)
        {
            end++;
        }

        var qualifies = false;
        for (var k = index; k < end && !qualifies; k++)
        {
            qualifies = tokens[k].Kind == LexKind.Word && (IsAbbreviationShaped(tokens[k].Span(text)) || IsStatuteName(text, tokens[k], first: k == index));
        }

        if (!qualifies)
        {
            return null;
        }

        if (end == index + 1 && tokens[index].Span(text).Equals("SGB", StringComparison.OrdinalIgnoreCase)
            && end < tokens.Count && tokens[end].Kind == LexKind.Word && IsRoman(tokens[end].Span(text)))
        {
            end++;
        }

        return new LawSpan(text[tokens[index].Start..tokens[end - 1].End], index, end, Resolved: false);
    }

    private static bool IsStatuteName(string text, LexToken token, bool first)
    {
        var word = token.Span(text);
        var folded = NormReferenceScanner.Folded(text, token);
        return (!first || char.IsUpper(word[0]))
            && !GenericStatutes.Contains(folded)
            && StatuteSuffixes.Any(s => folded.EndsWith(s, StringComparison.Ordinal))
            && !NonStatuteSuffixes.Any(s => folded.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>BauGB, GemO, VwVfG, GG, KAG: upper case first and at least one more capital; no detail keyword.</summary>
    private static bool IsAbbreviationShaped(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 12 || !char.IsUpper(word[0]))
        {
            return false;
        }

        var capitals = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }

            if (char.IsUpper(c))
            {
                capitals++;
            }
        }

        return capitals >= 2 && !IsRoman(word) && !word.Equals("EUR", StringComparison.Ordinal) && !word.Equals("DM", StringComparison.Ordinal);
    }

    private static bool IsRoman(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 4)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c is not ('I' or 'V' or 'X'))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipFiller(List<LexToken> tokens, string?[] keys, int index) =>
        index < tokens.Count - 1 && tokens[index].Kind == LexKind.Word && keys[index] is { } key && LawFillers.Contains(key) ? index + 1 : index;

    /// <summary>Details after the law ("§ 35 BauGB Abs. 1") and closing punctuation; returns the index after them.</summary>
    private static int TrailingEnd(string text, List<LexToken> tokens, int index, List<NormReferenceItem> items)
    {
        index = NormReferenceScanner.ReadDetails(text, tokens, index, items);
        while (index < tokens.Count && tokens[index].Kind == LexKind.Punctuation && text[tokens[index].Start] is '.' or ',' or ';' or ')' or '?' or '!')
        {
            index++;
        }

        return index;
    }

    private static string RestAsWritten(string text, List<LexToken> tokens, int index)
    {
        if (index >= tokens.Count)
        {
            return string.Empty;
        }

        return text[tokens[index].Start..].Trim().TrimEnd('.', ',', ';', '?', '!').Trim();
    }

    /// <summary>Bare designations take the law's usual kind: "20 GG" is Art. 20 GG.</summary>
    private List<NormReferenceItem> WithKind(IReadOnlyList<NormReferenceItem> items, string law)
    {
        var kind = _laws.DefaultKindOf(law);
        return items.Select(item => item with { Kind = kind }).ToList();
    }

    private static bool IsDateWord(string? key) => key is not null && DateWords.Contains(key);

    private static bool IsQuantityAt(string text, List<LexToken> tokens, string?[] keys, int index) =>
        index < tokens.Count
        && ((keys[index] is { } key && QuantityWords.Contains(key)) || (tokens[index].Kind == LexKind.Punctuation && text[tokens[index].Start] is '€' or '%' or '$'));

    private static bool IsDetailKeywordBefore(string text, List<LexToken> tokens, int index)
    {
        var k = index - 1;
        if (tokens[k].IsPunctuation(text, '.') && k > 0)
        {
            k--;
        }

        if (tokens[k].Kind != LexKind.Word || tokens[k].Length > 9)
        {
            return false;
        }

        return NormReferenceScanner.Folded(text, tokens[k]) is "abs" or "absatz" or "s" or "satz" or "nr" or "nummer" or "ziff" or "ziffer" or "art" or "artikel";
    }

    private static bool IsClaimed(List<MatchGroup> groups, int token) => groups.Count > 0 && groups[^1].EndToken > token;

    /// <summary>Law-less references take the law of the next reference they are joined to by "und", ",", "i.V.m." ….</summary>
    private static void InheritLaws(string text, List<LexToken> tokens, List<MatchGroup> groups)
    {
        for (var g = groups.Count - 2; g >= 0; g--)
        {
            var group = groups[g];
            var next = groups[g + 1];
            if (group.Law is not null || next.Law is not { } nextLaw || nextLaw.StartToken == next.StartToken)
            {
                continue;
            }

            if (AreJoined(text, tokens, group.EndToken, next.StartToken))
            {
                groups[g] = group with { Law = nextLaw };
            }
        }
    }

    private static string ToNfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    private readonly record struct LawSpan(string Law, int StartToken, int EndToken, bool Resolved);

    /// <summary>One expression: its items, the tokens it covers (law included) and its law.</summary>
    private sealed record MatchGroup(IReadOnlyList<NormReferenceItem> Items, int StartToken, int EndToken, LawSpan? Law);
}
