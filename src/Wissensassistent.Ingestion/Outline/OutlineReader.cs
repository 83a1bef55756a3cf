using System.Text.RegularExpressions;
using Wissensassistent.Core.Citations;
using Wissensassistent.Ingestion.Markdown;

namespace Wissensassistent.Ingestion.Outline;

/// <summary>
/// Builds the citable structure of a document from its Markdown blocks. Two modes: statute mode when the document
/// has § or Art. headings (Absätze become units, numbered lines are list items), guideline mode otherwise (numbered
/// lines and numbered headings such as <c>2.1</c> become items).
/// </summary>
internal sealed partial class OutlineReader
{
    private readonly bool _guidelineMode;
    private readonly string? _knownTitle;
    private readonly List<(int Level, HeadingInfo Heading)> _stack = [];
    private readonly List<TextUnit> _units = [];
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _notes = [];
    private readonly List<string> _emptyNorms = [];
    private readonly HashSet<string> _usedItems = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(NormKind, string)> _usedNorms = [];

    private string? _titleHeading;
    private string? _lastPlainHeading;
    private bool _preamble = true;
    private bool _afterBreak;
    private int? _skipLevel;
    private bool _skipUntilAnyHeading;
    private Context? _context;
    private string? _absatz;
    private string? _pendingPrefix;
    private List<TextBlock> _blocks = [];
    private int _normIndex = -1;

    private OutlineReader(bool guidelineMode, string? knownTitle)
    {
        _guidelineMode = guidelineMode;
        _knownTitle = knownTitle;
    }

    public static DocumentOutline Read(IReadOnlyList<MarkdownElement> elements, string? knownTitle)
    {
        var guidelineMode = !elements.OfType<HeadingElement>().Any(h => HeadingClassifier.Classify(h.Text).Role == HeadingRole.Norm);
        var reader = new OutlineReader(guidelineMode, knownTitle);
        foreach (var element in elements)
        {
            reader.Accept(element);
        }

        reader.CloseContext();
        return new DocumentOutline(reader._titleHeading, reader._units, reader._fields, reader._notes, reader._emptyNorms);
    }

    private void Accept(MarkdownElement element)
    {
        if (element is HeadingElement heading)
        {
            // A table of contents has sub-headings of its own; a metadata block ends at the next heading.
            if (_skipLevel is { } skip && heading.Level > skip && !_skipUntilAnyHeading)
            {
                return;
            }

            _skipLevel = null;
            OnHeading(heading.Level, HeadingClassifier.Classify(heading.Text));
            return;
        }

        if (_skipLevel is not null)
        {
            // Metadata blocks ("Amtliche Abkürzung und Fundstelle") are skipped as text but still read.
            if (element is ParagraphElement skipped && MetadataField().Match(skipped.Text) is { Success: true } field)
            {
                _fields.TryAdd(NormalizeKey(field.Groups["key"].Value), field.Groups["value"].Value.Trim());
            }

            return;
        }

        switch (element)
        {
            case DefinitionElement definition:
                _fields.TryAdd(definition.Key, definition.Value);
                break;
            case ThematicBreakElement:
                if (_context is { Kind: not ContextKind.Preamble })
                {
                    CloseContext();
                    _afterBreak = true;
                }

                break;
            case ParagraphElement paragraph:
                OnParagraph(paragraph);
                break;
            case ListItemElement item:
                OnListItem(item);
                break;
            case TableRowElement row:
                AddBlock(new TextBlock($"| {string.Join(" | ", row.Cells)} |", row.IsHeader ? TextBlockKind.TableHeader : TextBlockKind.TableRow));
                break;
        }
    }

    private void OnHeading(int level, HeadingInfo heading)
    {
        // The first top-level heading names the document, whatever it looks like ("1. Verordnung zur Änderung …").
        if (_titleHeading is null && level == 1 && _preamble && _units.Count == 0 && _context is null
            && heading.Role is HeadingRole.NumberedItem or HeadingRole.Annex or HeadingRole.Plain or HeadingRole.AbsatzLabel)
        {
            _titleHeading = heading.Text;
            _lastPlainHeading = heading.Text;
            return;
        }

        switch (heading.Role)
        {
            case HeadingRole.Skipped:
                CloseContext();
                _skipLevel = level;
                _skipUntilAnyHeading = !TableOfContents().IsMatch(heading.Text);
                return;
            case HeadingRole.Letterhead:
                return;
            case HeadingRole.Norm when _context is { Kind: ContextKind.Annex } && _usedNorms.Contains((heading.Kind, heading.Designation)):
                // A model statute inside an annex (the AO's Mustersatzung) numbers its own §§ from 1: they are the
                // annex's text, not a second set of the law's norms, whatever their heading level.
                FlushUnit();
                AddBlock(new TextBlock(heading.Text, TextBlockKind.Paragraph));
                return;
            case HeadingRole.Norm:
                Pop(level);
                _usedNorms.Add((heading.Kind, heading.Designation));
                StartContext(ContextKind.Norm, heading.Kind, heading.Designation, heading.Title, [.. StackTexts(), heading.Text], heading.IsRepealed, level);
                return;
            case HeadingRole.Annex:
                Pop(level);
                _stack.Add((level, heading));
                StartContext(ContextKind.Annex, NormKind.Section, heading.Designation, heading.Title, StackTexts(), heading.IsRepealed, level);
                return;
            case HeadingRole.Structural:
                Pop(level);
                _stack.Add((level, heading));
                CloseContext();
                _preamble = false;
                return;
            case HeadingRole.NumberedItem when _guidelineMode:
                Pop(level);
                _stack.Add((level, heading));
                var (kind, section) = ItemAddress(heading.Designation);
                StartContext(ContextKind.Item, kind, section, heading.Title, StackTexts(), false, level);
                return;
            case HeadingRole.AbsatzLabel when _context is { Kind: ContextKind.Norm }:
                FlushUnit();
                _absatz = heading.Designation;
                _pendingPrefix = $"({heading.Designation})";
                if (heading.Title is { } labelTitle)
                {
                    AddBlock(new TextBlock(labelTitle, TextBlockKind.Paragraph));
                }

                return;
        }

        // Numbered statute sub-headings and plain headings below a norm's own heading are part of its text.
        if (_context is { Kind: ContextKind.Norm or ContextKind.Item } context && level > context.HeadingLevel)
        {
            AddBlock(new TextBlock(heading.Text, TextBlockKind.Paragraph));
            return;
        }

        if (heading.Role == HeadingRole.NumberedItem)
        {
            Pop(level);
            _stack.Add((level, heading with { Role = HeadingRole.Structural }));
            CloseContext();
            _preamble = false;
            return;
        }

        if (_preamble && (_titleHeading is null ? level == 1 || IsTitleLike(heading.Text) : IsTitleLike(heading.Text)))
        {
            CloseContext();
            _titleHeading ??= heading.Text;
            _lastPlainHeading = heading.Text;
            return;
        }

        _lastPlainHeading = heading.Text;
        StartContext(ContextKind.Plain, NormKind.Section, heading.Text, null, [.. StackTexts(), heading.Text], false, level);
    }

    private void OnParagraph(ParagraphElement paragraph)
    {
        var text = paragraph.Text;
        if (IsPreambleState() && TryReadPreambleLine(paragraph))
        {
            return;
        }

        if (paragraph.IsEmphasized)
        {
            if (EndMarker().IsMatch(text))
            {
                return;
            }

            if (NoteHeading().IsMatch(text))
            {
                CloseContext();
                StartContext(ContextKind.Plain, NormKind.Section, text.TrimEnd(':').Trim(), null, [.. StackTexts(), text.TrimEnd(':').Trim()], false, int.MaxValue);
                return;
            }
        }

        if (_context is { Kind: ContextKind.Norm })
        {
            var absatz = AbsatzStart().Match(text);
            if (absatz.Success)
            {
                FlushUnit();
                _absatz = absatz.Groups[1].Value;
            }
        }

        AddBlock(new TextBlock(text, TextBlockKind.Paragraph));
    }

    private void OnListItem(ListItemElement item)
    {
        var numeric = NumericMarker().IsMatch(item.Marker);
        var text = $"{item.Marker} {item.Text}";
        if (_guidelineMode && numeric && item.Depth == 0 && _context is not { Kind: ContextKind.Norm })
        {
            var (kind, section) = ItemAddress(item.Marker.TrimEnd('.'));
            var parentTitle = _stack.Count > 0 && _stack[^1].Heading.Role == HeadingRole.NumberedItem ? _stack[^1].Heading.Title : null;
            StartContext(ContextKind.Item, kind, section, parentTitle, StackTexts(), false, int.MaxValue);
            AddBlock(new TextBlock(text, TextBlockKind.ListItem, null, 0));
            return;
        }

        var number = numeric && item.Depth == 0 ? item.Marker.TrimEnd('.') : null;
        AddBlock(new TextBlock(text, TextBlockKind.ListItem, number, item.Depth));
    }

    private bool IsPreambleState() =>
        _preamble && _context is null or { Kind: ContextKind.Preamble or ContextKind.Plain };

    /// <summary>Metadata lines and letterhead notes before the first norm are recorded, not indexed.</summary>
    private bool TryReadPreambleLine(ParagraphElement paragraph)
    {
        var text = paragraph.Text;
        var field = MetadataField().Match(text);
        if (field.Success)
        {
            _fields.TryAdd(NormalizeKey(field.Groups["key"].Value), field.Groups["value"].Value.Trim());
            return true;
        }

        if (CurrentVersionNote().IsMatch(text))
        {
            return true;
        }

        var letterhead = _context is null or { Kind: ContextKind.Preamble };
        if (letterhead && ((paragraph.IsEmphasized && text.Length <= 100 && !NoteHeading().IsMatch(text)) || (DateNote().IsMatch(text) && text.Length <= 250)))
        {
            _notes.Add(text.TrimEnd('*').Trim());
            return true;
        }

        return false;
    }

    private void AddBlock(TextBlock block)
    {
        if (_skipLevel is not null)
        {
            return;
        }

        if (_context is null)
        {
            var name = _afterBreak && !_preamble
                ? "Anmerkungen"
                : EnactingClause().IsMatch(block.Text) ? "Eingangsformel" : _preamble && _lastPlainHeading is null ? "Einleitung" : _lastPlainHeading ?? "Anmerkungen";
            StartContext(_preamble ? ContextKind.Preamble : ContextKind.Plain, NormKind.Section, name, null, [.. StackTexts(), name], false, int.MaxValue);
        }

        if (_pendingPrefix is { } prefix)
        {
            block = block with { Text = $"{prefix} {block.Text}" };
            _pendingPrefix = null;
        }

        _blocks.Add(block);
    }

    private void StartContext(ContextKind kind, NormKind normKind, string section, string? title, IReadOnlyList<string> headings, bool repealed, int headingLevel)
    {
        CloseContext();
        if (kind is ContextKind.Norm or ContextKind.Item or ContextKind.Annex)
        {
            _preamble = false;
        }

        _afterBreak = false;
        _normIndex++;
        _context = new Context(kind, normKind, section, title, headings, repealed, headingLevel);
    }

    private void FlushUnit()
    {
        if (_context is null || _blocks.Count == 0)
        {
            return;
        }

        var repealed = _context.IsRepealed || (_blocks.Count == 1 && HeadingClassifier.IsRepealedTitle(_blocks[0].Text));
        _units.Add(new TextUnit(_context.NormKind, _context.Section, _absatz, _context.Headings, _context.Title, _blocks, repealed, _normIndex));
        _context.HasUnits = true;
        _blocks = [];
    }

    private void CloseContext()
    {
        if (_context is null)
        {
            return;
        }

        FlushUnit();
        if (!_context.HasUnits && _context.IsRepealed)
        {
            // Keep the address of a repealed norm resolvable even though it has no text of its own.
            _blocks.Add(new TextBlock("(weggefallen)", TextBlockKind.Paragraph));
            FlushUnit();
        }
        else if (!_context.HasUnits && _context.Kind == ContextKind.Norm)
        {
            // Nothing to index, but the reader of the report should know the heading was there.
            _emptyNorms.Add(_context.Headings[^1]);
        }

        _context = null;
        _absatz = null;
        _pendingPrefix = null;
        _blocks = [];
    }

    private (NormKind Kind, string Section) ItemAddress(string number)
    {
        var annex = _stack.LastOrDefault(s => s.Heading.Role == HeadingRole.Annex).Heading;
        var designation = number;
        if (!_usedItems.Add(designation))
        {
            // Numbering restarts under a new part (I. 1., II. 1.): qualify with the part.
            var part = _stack.LastOrDefault(s => s.Heading.Role == HeadingRole.Structural && s.Heading.Designation.Length > 0).Heading;
            if (part is not null)
            {
                designation = $"{part.Designation}.{number}";
                _usedItems.Add(designation);
            }
        }

        return annex is not null
            ? (NormKind.Section, $"{annex.Designation} Nr. {designation}")
            : (NormKind.Item, designation);
    }

    private void Pop(int level)
    {
        while (_stack.Count > 0 && _stack[^1].Level >= level)
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private List<string> StackTexts() => _stack.Select(s => s.Heading.Text).ToList();

    private bool IsTitleLike(string heading)
    {
        var known = _knownTitle ?? _titleHeading;
        if (known is null)
        {
            return false;
        }

        var a = Letters(heading);
        var b = Letters(known);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
        {
            return true;
        }

        var firstA = FirstWord().Match(heading.ToLowerInvariant()).Value;
        var firstB = FirstWord().Match(known.ToLowerInvariant()).Value;
        return firstA.Length >= 5 && firstA == firstB;
    }

    private static string Letters(string text) => new(text.ToLowerInvariant().Where(char.IsLetter).ToArray());

    private static string NormalizeKey(string key) => key.Trim().TrimEnd('.').Replace("Neugefasst durch", "Neugefasst", StringComparison.OrdinalIgnoreCase);

    private enum ContextKind
    {
        Preamble,
        Plain,
        Norm,
        Annex,
        Item,
    }

    private sealed class Context(ContextKind kind, NormKind normKind, string section, string? title, IReadOnlyList<string> headings, bool isRepealed, int headingLevel)
    {
        public ContextKind Kind { get; } = kind;

        public NormKind NormKind { get; } = normKind;

        public string Section { get; } = section;

        public string? Title { get; } = title;

        public IReadOnlyList<string> Headings { get; } = headings;

        public bool IsRepealed { get; } = isRepealed;

        public int HeadingLevel { get; } = headingLevel;

        public bool HasUnits { get; set; }
    }

    [GeneratedRegex(@"^(Inhaltsverzeichnis|Inhaltsübersicht|Inhalt|Gliederung)$", RegexOptions.IgnoreCase)]
    private static partial Regex TableOfContents();

    [GeneratedRegex(@"^\((\d{1,3}[a-z]?)\)(?:\s|$)")]
    private static partial Regex AbsatzStart();

    [GeneratedRegex(@"^(\d{1,3}(?:\.\d{1,3})*[a-z]?\.?|\d{1,3}[a-z]{0,2}\.)$")]
    private static partial Regex NumericMarker();

    [GeneratedRegex(@"^(?<key>Amtliche Abkürzung|Ausfertigungsdatum|Neugefasst(?: durch)?|Gültig ab|Gültig bis|Dokumenttyp|Quelle|Fundstelle|Gliederungs-Nr\.?|Stand|Seite|Zuletzt geändert durch)\s*:\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex MetadataField();

    [GeneratedRegex(@"aktuellste verfügbare Fassung", RegexOptions.IgnoreCase)]
    private static partial Regex CurrentVersionNote();

    [GeneratedRegex(@"^(vom|in der Fassung|mit Änderung|mit Änderungen|Gültig ab|Stand)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateNote();

    [GeneratedRegex(@"^(Auf Grund|Aufgrund|Gemäß|Auf der Grundlage|Nach §)", RegexOptions.IgnoreCase)]
    private static partial Regex EnactingClause();

    [GeneratedRegex(@"^\*?\)?\s*(Hinweis|Verfahrensvermerk|Anmerkung|Ausfertigung|Bekanntmachungshinweis)", RegexOptions.IgnoreCase)]
    private static partial Regex NoteHeading();

    [GeneratedRegex(@"^Ende der\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndMarker();

    [GeneratedRegex(@"^[\p{L}\-]+")]
    private static partial Regex FirstWord();
}
