using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Wissensassistent.Ingestion.Formats;

/// <summary>
/// Renders Word list numbering as Word displays it, by counting paragraphs per list and level and filling the
/// level text (<c>%1.%2</c>). Bullets render as <c>-</c>.
/// </summary>
internal sealed class NumberingRenderer(Numbering? numbering)
{
    private readonly Dictionary<int, int[]> _counters = [];

    public string? Label(Paragraph paragraph, string? styleId, Styles? styles)
    {
        if (numbering is null)
        {
            return null;
        }

        var properties = paragraph.ParagraphProperties?.NumberingProperties
            ?? styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId)?.StyleParagraphProperties?.NumberingProperties;
        var numId = properties?.NumberingId?.Val?.Value;
        if (numId is null or 0)
        {
            return null;
        }

        var level = properties?.NumberingLevelReference?.Val?.Value ?? 0;
        var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        if (definition is null || abstractId is not { } key)
        {
            return null;
        }

        var levels = definition.Elements<Level>().ToDictionary(l => l.LevelIndex?.Value ?? 0);
        if (!levels.TryGetValue(level, out var current))
        {
            return null;
        }

        if (current.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
        {
            return "-";
        }

        if (!_counters.TryGetValue(key, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < 9; i++)
            {
                counters[i] = (levels.TryGetValue(i, out var l) ? l.StartNumberingValue?.Val?.Value ?? 1 : 1) - 1;
            }

            _counters[key] = counters;
        }

        counters[level]++;
        for (var deeper = level + 1; deeper < 9; deeper++)
        {
            counters[deeper] = (levels.TryGetValue(deeper, out var l) ? l.StartNumberingValue?.Val?.Value ?? 1 : 1) - 1;
        }

        var text = current.LevelText?.Val?.Value ?? $"%{level + 1}.";
        var label = new StringBuilder(text);
        for (var i = 0; i <= level; i++)
        {
            var format = levels.TryGetValue(i, out var l) ? l.NumberingFormat?.Val?.Value : null;
            label.Replace($"%{i + 1}", Format(Math.Max(counters[i], 1), format));
        }

        return label.ToString().Trim();
    }

    private static string Format(int value, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.LowerLetter)
        {
            return ((char)('a' + ((value - 1) % 26))).ToString();
        }

        if (format == NumberFormatValues.UpperLetter)
        {
            return ((char)('A' + ((value - 1) % 26))).ToString();
        }

        if (format == NumberFormatValues.LowerRoman)
        {
            return Roman(value).ToLowerInvariant();
        }

        return format == NumberFormatValues.UpperRoman ? Roman(value) : value.ToString(CultureInfo.InvariantCulture);
    }

    private static string Roman(int value)
    {
        var numerals = new (int Value, string Symbol)[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var result = new StringBuilder();
        foreach (var (number, symbol) in numerals)
        {
            while (value >= number)
            {
                result.Append(symbol);
                value -= number;
            }
        }

        return result.ToString();
    }
}
