using System.Globalization;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Core.Citations;

/// <summary>
/// The grammar of § and Art. expressions, shared by <see cref="CitationParser"/> and <see cref="GermanAnalyzer"/>:
/// <c>§ 35 Abs. 1 Satz 2 Nr. 4 Buchst. a</c>, <c>§§ 48, 49</c>, <c>§§ 1 bis 3</c>, <c>§ 35 Abs. 1 und 2</c>,
/// <c>§ 48 f.</c>, <c>Art. 20 Abs. 3</c>. Laws are not its business.
/// </summary>
/// <remarks>
/// After a separator (",", "und", "oder", "sowie", "bzw.") a number starts a new section under §§, or when the
/// current item has no details yet, or when it is followed by a detail of the same or a higher level
/// (<c>§ 8 Abs. 2 und 9 Abs. 3</c>); otherwise it continues the deepest detail (<c>§ 35 Abs. 1 und 2</c> is
/// Abs. 1 and Abs. 2). Ranges expand when they are short (at most <see cref="MaxRangeExpansion"/> numbers, or letters
/// of one number: <c>§§ 573a bis 573c</c>); longer ranges yield their two ends.
/// </remarks>
internal static class NormReferenceScanner
{
    public const int MaxRangeExpansion = 20;

    private enum Level
    {
        Section = 0,
        Absatz = 1,
        Satz = 2,
        Nummer = 3,
        Buchstabe = 4,
        Ignored = 5,
    }

    /// <summary>Whether the token at <paramref name="index"/> opens a § or Art. expression.</summary>
    public static bool IsMarker(string text, IReadOnlyList<LexToken> tokens, int index) =>
        MarkerLength(text, tokens, index, out _, out _) > 0;

    /// <summary>
    /// Reads the expression that starts at <paramref name="index"/>: a marker (§, §§, Art., Artikel, Paragraph) or, when
    /// <paramref name="allowBareNumber"/>, a bare number (<c>35 Abs. 1</c>, later tied to a law by the parser).
    /// </summary>
    public static NormReference? Scan(string text, IReadOnlyList<LexToken> tokens, int index, bool allowBareNumber)
    {
        var j = index;
        var markerLength = MarkerLength(text, tokens, index, out var kind, out var plural);
        var hasMarker = markerLength > 0;
        if (hasMarker)
        {
            j += markerLength;
        }
        else if (!allowBareNumber)
        {
            return null;
        }

        if (j >= tokens.Count || !TryReadSections(text, tokens[j], out var firstSections))
        {
            return null;
        }

        var items = new List<NormReferenceItem>();
        foreach (var section in firstSections)
        {
            items.Add(new NormReferenceItem(kind, section, j));
        }

        plural |= firstSections.Count > 1;
        j++;
        var deepest = Level.Section;
        j = ReadDetails(text, tokens, j, items, ref deepest);
        j = ReadContinuation(text, tokens, j, items, deepest, plural, kind, allowNewSection: true);
        return new NormReference(items, index, j, hasMarker);
    }

    /// <summary>
    /// Reads a reference without § inside a norm, starting at a detail keyword: <c>Absatz 1</c>, <c>Satz 2</c>,
    /// <c>Nummern 1 bis 4</c>, <c>Absatz 2 Satz 1 Nr. 3</c>. Its items are <paramref name="context"/> (the passage
    /// that refers) with the details replaced from the keyword's level down; null when no detail keyword starts there.
    /// </summary>
    public static NormReference? ScanRelative(string text, IReadOnlyList<LexToken> tokens, int index, NormReferenceItem context)
    {
        if (DetailLevel(text, tokens, index, out _) is not { } level || level is Level.Section or Level.Ignored)
        {
            return null;
        }

        var items = new List<NormReferenceItem> { Truncate(context, level) with { SectionToken = index } };
        var deepest = Level.Section;
        var j = ReadDetails(text, tokens, index, items, ref deepest);
        if (deepest == Level.Section)
        {
            return null;
        }

        j = ReadContinuation(text, tokens, j, items, deepest, plural: false, context.Kind, allowNewSection: false);
        return new NormReference(items, index, j, HasMarker: false);
    }

    /// <summary>Lists, ranges and "f."/"ff." after the first designation; returns the index after them.</summary>
    private static int ReadContinuation(string text, IReadOnlyList<LexToken> tokens, int j, List<NormReferenceItem> items, Level deepest, bool plural, NormKind kind, bool allowNewSection)
    {
        while (j < tokens.Count)
        {
            var current = items[^1];
            var following = ReadFollowing(text, tokens, j);
            if (following != Following.None)
            {
                j += 2;
                if (following == Following.Next && deepest == Level.Section
                    && int.TryParse(current.Section, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    items.Add(current with { Section = (number + 1).ToString(CultureInfo.InvariantCulture) });
                }

                break;
            }

            if (TryReadRangeEnd(text, tokens, j, out var rangeEndToken, out var afterRange))
            {
                if (ExpandRange(current, deepest, Text(text, tokens[rangeEndToken]), rangeEndToken, items))
                {
                    j = afterRange;
                    j = ReadDetails(text, tokens, j, items, ref deepest);
                    continue;
                }

                break;
            }

            var afterSeparator = SeparatorEnd(text, tokens, j);
            if (afterSeparator < 0 || afterSeparator >= tokens.Count)
            {
                break;
            }

            var target = tokens[afterSeparator];
            var keywordLevel = DetailLevel(text, tokens, afterSeparator, out _);
            if (keywordLevel is not null && keywordLevel != Level.Ignored && deepest != Level.Section)
            {
                // "Abs. 1 und Abs. 2": the same section, another detail.
                items.Add(Truncate(current, keywordLevel.Value));
                j = ReadDetails(text, tokens, afterSeparator, items, ref deepest);
                continue;
            }

            if (target.Kind != LexKind.Number)
            {
                break;
            }

            var followingLevel = afterSeparator + 1 < tokens.Count ? DetailLevel(text, tokens, afterSeparator + 1, out _) : null;
            var newSection = plural || deepest == Level.Section || (followingLevel is { } f && f <= deepest);
            if (newSection && !allowNewSection)
            {
                break;
            }

            if (newSection)
            {
                if (!TryReadSections(text, target, out var sections))
                {
                    break;
                }

                foreach (var section in sections)
                {
                    items.Add(new NormReferenceItem(kind, section, afterSeparator));
                }

                deepest = Level.Section;
                j = ReadDetails(text, tokens, afterSeparator + 1, items, ref deepest);
                continue;
            }

            if (!TryApplyValue(Truncate(current, deepest), deepest, text, tokens, afterSeparator, out var continued))
            {
                break;
            }

            items.Add(continued);
            j = ReadDetails(text, tokens, afterSeparator + 1, items, ref deepest);
        }

        return j;
    }

    private static int MarkerLength(string text, IReadOnlyList<LexToken> tokens, int index, out NormKind kind, out bool plural)
    {
        kind = NormKind.Paragraph;
        plural = false;
        var token = tokens[index];
        if (token.Kind == LexKind.SectionSign)
        {
            plural = token.Length == 2;
            return 1;
        }

        if (token.Kind != LexKind.Word || token.Length is < 3 or > 11)
        {
            return 0;
        }

        var word = Folded(text, token);
        int length;
        switch (word)
        {
            case "art" or "artt":
                kind = NormKind.Article;
                plural = word == "artt";
                length = 1;
                break;
            case "artikel":
                kind = NormKind.Article;
                length = 1;
                break;
            case "paragraph" or "paragraf":
                length = 1;
                break;
            case "paragraphen" or "paragrafen":
                plural = true;
                length = 1;
                break;
            default:
                return 0;
        }

        if (index + length < tokens.Count && tokens[index + length].IsPunctuation(text, '.') && kind == NormKind.Article)
        {
            length++;
        }

        // "Art der Nutzung" is no article: a number must follow.
        return index + length < tokens.Count && tokens[index + length].Kind == LexKind.Number ? length : 0;
    }

    /// <summary>Details that follow the law ("§ 35 BauGB Abs. 1"), applied to the last item; returns the next token index.</summary>
    public static int ReadDetails(string text, IReadOnlyList<LexToken> tokens, int index, List<NormReferenceItem> items)
    {
        var deepest = Level.Section;
        return items.Count == 0 ? index : ReadDetails(text, tokens, index, items, ref deepest);
    }

    /// <summary>Reads Abs./Satz/Nr./Buchst. details into the last item and returns the next token index.</summary>
    private static int ReadDetails(string text, IReadOnlyList<LexToken> tokens, int j, List<NormReferenceItem> items, ref Level deepest)
    {
        while (j < tokens.Count)
        {
            var level = DetailLevel(text, tokens, j, out var keywordLength);
            if (level is null)
            {
                break;
            }

            var valueToken = j + keywordLength;
            if (valueToken >= tokens.Count)
            {
                break;
            }

            if (level == Level.Ignored)
            {
                if (tokens[valueToken].Kind is not (LexKind.Number or LexKind.Word))
                {
                    break;
                }

                j = valueToken + 1;
                continue;
            }

            // Details after a list ("§§ 48, 49 Abs. 1") bind to the last section only.
            if (!TryApplyValue(items[^1], level.Value, text, tokens, valueToken, out var updated))
            {
                break;
            }

            items[^1] = updated;
            deepest = level.Value;
            j = valueToken + 1;
        }

        return j;
    }

    private static bool TryApplyValue(NormReferenceItem item, Level level, string text, IReadOnlyList<LexToken> tokens, int valueToken, out NormReferenceItem updated)
    {
        updated = item;
        var token = tokens[valueToken];
        var value = Text(text, token);
        switch (level)
        {
            case Level.Section:
                if (token.Kind != LexKind.Number || !IsSectionDesignation(value))
                {
                    return false;
                }

                updated = item with { Section = value.ToLowerInvariant(), SectionToken = valueToken };
                return true;
            case Level.Absatz:
                if (token.Kind != LexKind.Number || !IsSectionDesignation(value))
                {
                    return false;
                }

                updated = item with { Absatz = value.ToLowerInvariant() };
                return true;
            case Level.Satz:
                if (token.Kind != LexKind.Number || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var satz) || satz > 999)
                {
                    return false;
                }

                updated = item with { Satz = satz };
                return true;
            case Level.Nummer:
                if (token.Kind != LexKind.Number || value.Contains(','))
                {
                    return false;
                }

                updated = item with { Nummer = value.ToLowerInvariant() };
                return true;
            case Level.Buchstabe:
                if (token.Kind != LexKind.Word || token.Length > 3 || !value.All(char.IsLetter))
                {
                    return false;
                }

                updated = item with { Buchstabe = value.ToLowerInvariant() };
                return true;
            default:
                return false;
        }
    }

    private static NormReferenceItem Truncate(NormReferenceItem item, Level keep) => keep switch
    {
        Level.Section => item with { Absatz = null, Satz = null, Nummer = null, Buchstabe = null },
        Level.Absatz => item with { Absatz = null, Satz = null, Nummer = null, Buchstabe = null },
        Level.Satz => item with { Satz = null, Nummer = null, Buchstabe = null },
        Level.Nummer => item with { Nummer = null, Buchstabe = null },
        _ => item with { Buchstabe = null },
    };

    /// <summary>The level of a detail keyword at <paramref name="index"/> ("Abs.", "Satz", "Nr.", "Buchst."), or null.</summary>
    private static Level? DetailLevel(string text, IReadOnlyList<LexToken> tokens, int index, out int keywordLength)
    {
        keywordLength = 0;
        var token = tokens[index];
        if (token.Kind != LexKind.Word || token.Length > 12)
        {
            return null;
        }

        var dotted = index + 1 < tokens.Count && tokens[index + 1].IsPunctuation(text, '.') && tokens[index + 1].Start == token.End;
        keywordLength = dotted ? 2 : 1;
        Level? level = Folded(text, token) switch
        {
            "abs" or "absatz" or "absatze" or "absatzes" or "absatzen" or "abss" => Level.Absatz,
            "s" when dotted => Level.Satz,
            "satz" or "satze" or "satzes" or "satzen" => Level.Satz,
            "nr" or "nrn" or "nummer" or "nummern" or "ziff" or "ziffer" or "ziffern" => Level.Nummer,
            "buchst" or "buchstabe" or "buchstaben" or "lit" => Level.Buchstabe,
            "hs" or "halbs" or "halbsatz" or "alt" or "alternative" or "var" or "variante" or "uabs" or "unterabsatz" => Level.Ignored,
            _ => null,
        };
        if (level is null)
        {
            keywordLength = 0;
            return null;
        }

        // A keyword must be followed by its value.
        return index + keywordLength < tokens.Count ? level : null;
    }

    /// <summary>", ", "und", "oder", "sowie", "bzw." between two designations; returns the index after it or -1.</summary>
    private static int SeparatorEnd(string text, IReadOnlyList<LexToken> tokens, int index)
    {
        var token = tokens[index];
        if (token.Kind == LexKind.Punctuation)
        {
            return text[token.Start] is ',' or ';' ? index + 1 : -1;
        }

        if (token.Kind != LexKind.Word || token.Length > 5)
        {
            return -1;
        }

        return Folded(text, token) switch
        {
            "und" or "oder" or "sowie" => index + 1,
            "bzw" => index + 1 < tokens.Count && tokens[index + 1].IsPunctuation(text, '.') ? index + 2 : index + 1,
            _ => -1,
        };
    }

    private enum Following
    {
        None,
        Next,
        OpenEnded,
    }

    /// <summary>"f." (this and the next norm) or "ff." (this and those after it; the first stands for them).</summary>
    private static Following ReadFollowing(string text, IReadOnlyList<LexToken> tokens, int index)
    {
        var token = tokens[index];
        if (token.Kind != LexKind.Word || token.Length > 2 || index + 1 >= tokens.Count || !tokens[index + 1].IsPunctuation(text, '.'))
        {
            return Following.None;
        }

        var word = text.AsSpan(token.Start, token.Length);
        return word.Equals("f", StringComparison.OrdinalIgnoreCase) ? Following.Next
            : word.Equals("ff", StringComparison.OrdinalIgnoreCase) ? Following.OpenEnded
            : Following.None;
    }

    private static bool TryReadRangeEnd(string text, IReadOnlyList<LexToken> tokens, int index, out int endToken, out int next)
    {
        endToken = -1;
        next = index;
        var token = tokens[index];
        var isLetterEnd = token.Kind == LexKind.Word && token.Length == 1 && char.IsAsciiLetter(text[token.Start]);
        if (token.HyphenJoined && (token.Kind == LexKind.Number || isLetterEnd))
        {
            endToken = index;
            next = index + 1;
            return true;
        }

        var isRangeWord = token.Kind == LexKind.Word && token.Length == 3 && Folded(text, token) == "bis";
        var isDash = token.Kind == LexKind.Punctuation && text[token.Start] is '-' or '–' or '—';
        if ((isRangeWord || isDash) && index + 1 < tokens.Count && tokens[index + 1].Kind == LexKind.Number)
        {
            endToken = index + 1;
            next = index + 2;
            return true;
        }

        return false;
    }

    private static bool ExpandRange(NormReferenceItem first, Level level, string end, int endToken, List<NormReferenceItem> items)
    {
        end = end.ToLowerInvariant();
        var start = level switch
        {
            Level.Section => first.Section,
            Level.Absatz => first.Absatz,
            Level.Nummer => first.Nummer,
            _ => null,
        };
        if (start is null)
        {
            return false;
        }

        var startNumber = LeadingNumber(start, out var startSuffix);
        if (end.Length == 1 && char.IsAsciiLetter(end[0]) && startNumber >= 0)
        {
            // "§§ 135a-c": the letter continues the number.
            end = startNumber.ToString(CultureInfo.InvariantCulture) + end;
        }

        if (!IsSectionDesignation(end))
        {
            return false;
        }

        var values = new List<string>();
        var endNumber = LeadingNumber(end, out var endSuffix);
        if (startNumber < 0 || endNumber < 0)
        {
            return false;
        }

        if (startSuffix.Length == 0 && endSuffix.Length == 0 && endNumber > startNumber && endNumber - startNumber <= MaxRangeExpansion)
        {
            for (var n = startNumber + 1; n <= endNumber; n++)
            {
                values.Add(n.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (startNumber == endNumber && endSuffix.Length == 1 && startSuffix.Length <= 1 && endSuffix[0] > (startSuffix.Length == 0 ? 'a' - 1 : startSuffix[0]))
        {
            var firstLetter = startSuffix.Length == 0 ? 'a' : (char)(startSuffix[0] + 1);
            for (var c = firstLetter; c <= endSuffix[0]; c++)
            {
                values.Add(startNumber.ToString(CultureInfo.InvariantCulture) + c);
            }
        }
        else if (string.CompareOrdinal(start, end) != 0)
        {
            values.Add(end);
        }

        foreach (var value in values)
        {
            var item = level switch
            {
                Level.Section => first with { Section = value, SectionToken = endToken, Absatz = null, Satz = null, Nummer = null, Buchstabe = null },
                Level.Absatz => first with { Absatz = value, Satz = null, Nummer = null, Buchstabe = null },
                _ => first with { Nummer = value, Buchstabe = null },
            };
            items.Add(item);
        }

        return true;
    }

    private static int LeadingNumber(string value, out string suffix)
    {
        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        suffix = value[digits..];
        return digits is > 0 and <= 6 ? int.Parse(value.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>A section number: <c>35</c>, <c>573b</c>; or a comma list typed without spaces (<c>48,49</c>).</summary>
    private static bool TryReadSections(string text, LexToken token, out IReadOnlyList<string> sections)
    {
        sections = [];
        if (token.Kind != LexKind.Number)
        {
            return false;
        }

        var value = Text(text, token).ToLowerInvariant();
        if (IsSectionDesignation(value))
        {
            sections = [value];
            return true;
        }

        var parts = value.Split(',');
        if (parts.Length > 1 && parts.All(IsSectionDesignation))
        {
            sections = parts;
            return true;
        }

        return false;
    }

    /// <summary>Up to four digits and up to two letters.</summary>
    internal static bool IsSectionDesignation(string value)
    {
        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 4 || value.Length - digits > 2)
        {
            return false;
        }

        for (var i = digits; i < value.Length; i++)
        {
            if (!char.IsAsciiLetter(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(string text, LexToken token) => text.Substring(token.Start, token.Length);

    internal static string Folded(string text, LexToken token) => GermanNormalizer.Normalize(token.Span(text));
}
