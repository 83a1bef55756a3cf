using Markdig.Helpers;
using Markdig.Parsers;

namespace Wissensassistent.Web.Rendering;

/// <summary>Reads <c>[1]</c> and <c>[1, 2]</c> before the link parser sees them, so markers are data, never links.</summary>
public sealed class CitationMarkerParser : InlineParser
{
    private const int MaxMarker = 999;

    public CitationMarkerParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var position = slice.Start + 1;
        var markers = new List<int>();
        while (true)
        {
            while (position <= slice.End && text[position] == ' ')
            {
                position++;
            }

            var start = position;
            var value = 0;
            while (position <= slice.End && char.IsAsciiDigit(text[position]) && position - start < 3)
            {
                value = (value * 10) + (text[position] - '0');
                position++;
            }

            if (position == start || value is 0 or > MaxMarker)
            {
                return false;
            }

            markers.Add(value);
            while (position <= slice.End && text[position] == ' ')
            {
                position++;
            }

            if (position > slice.End)
            {
                return false;
            }

            if (text[position] == ']')
            {
                break;
            }

            if (text[position] != ',')
            {
                return false;
            }

            position++;
        }

        var startPosition = slice.Start;
        processor.Inline = new CitationMarkerInline
        {
            Markers = markers,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(startPosition, out var line, out var column), processor.GetSourcePosition(position)),
            Line = line,
            Column = column,
        };
        slice.Start = position + 1;
        return true;
    }
}
