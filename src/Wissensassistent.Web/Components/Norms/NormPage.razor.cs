using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.Web.Interop;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Norms;

/// <summary>
/// Any norm by its address, with its Absätze, neighbours, Stand and source, its references as links and the norms that
/// cite it; opened at a cited Absatz (Satz, Nummer) it scrolls there and marks it. Or a law's norms; or all laws.
/// </summary>
public sealed partial class NormPage
{
    /// <summary>The element the view scrolls to: the first part of the cited Absatz.</summary>
    public const string CitedElementId = "wa-cited";

    private IReadOnlyDictionary<Citation, ReferenceTarget> _targets = new Dictionary<Citation, ReferenceTarget>();
    private IReadOnlyList<CitedByGroup> _citedBy = [];
    private Citation? _repealedRun;
    private string? _firstWantedId;
    private string? _citedText;
    private string? _unknownDetail;
    private bool _scrollPending;

    private IReadOnlyList<LawInfo> _laws = [];
    private IReadOnlyList<LawInfo> _similarLaws = [];
    private IReadOnlyList<NormInfo> _norms = [];
    private IReadOnlyList<NormInfo> _nearest = [];
    private IReadOnlyList<Chunk> _chunks = [];
    private IReadOnlyList<NormPart> _parts = [];
    private LawInfo? _law;
    private NormInfo? _previous;
    private NormInfo? _next;
    private string? _query;
    private string? _queryError;
    private bool _loading = true;
    private bool _storeDown;

    [Inject]
    private IKnowledgeStore Store { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private LawDirectory Laws { get; set; } = default!;

    [Inject]
    private BrowserInterop Browser { get; set; } = default!;

    [Inject]
    private CurrentReader Reader { get; set; } = default!;

    [Parameter]
    public string? Law { get; set; }

    [Parameter]
    public string? Section { get; set; }

    /// <summary>The Absatz to mark, from <c>?abs=</c>.</summary>
    [SupplyParameterFromQuery(Name = "abs")]
    public string? Absatz { get; set; }

    /// <summary>The Satz to mark within the Absatz, from <c>?satz=</c>.</summary>
    [SupplyParameterFromQuery(Name = "satz")]
    public int? Satz { get; set; }

    /// <summary>The Nummer to mark within the Absatz, from <c>?nr=</c>.</summary>
    [SupplyParameterFromQuery(Name = "nr")]
    public string? Nummer { get; set; }

    private string RequestedNorm => _chunks.Count == 0 ? RequestedText : CitationFormatter.FormatNorm(_chunks[0].Citation with { Section = Section ?? _chunks[0].Citation.Section });

    private string NormHeading => _repealedRun is not null ? RequestedNorm : CitationFormatter.FormatNorm(_chunks[0].Citation);

    // "§ 35c BauGB" as a legal officer cites it, when the law's numbered norms tell § from Art.; else as asked.
    private string RequestedText => Section is null
        ? Law ?? ""
        : _norms.Select(n => n.Citation).FirstOrDefault(c => c.Kind is NormKind.Paragraph or NormKind.Article) is { } numbered
            ? CitationFormatter.FormatNorm(numbered with { Section = Section })
            : $"{Law} {Section}";

    private string PageTitleText => _chunks.Count > 0
        ? CitationFormatter.FormatNorm(_chunks[0].Citation)
        : Law is null ? "Normen" : RequestedText;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Normen", "/norm"),
        new(_law?.Law ?? Law ?? "", Law is null ? null : NormAddress.PathOfLaw(Law)),
        new(_chunks.Count > 0 ? NormHeading : RequestedText, null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _storeDown = false;
        _queryError = null;
        _chunks = [];
        _parts = [];
        _norms = [];
        _nearest = [];
        _similarLaws = [];
        _previous = _next = null;
        _law = null;
        _targets = new Dictionary<Citation, ReferenceTarget>();
        _citedBy = [];
        _repealedRun = null;
        _firstWantedId = _citedText = _unknownDetail = null;
        try
        {
            // Only what this reader may see: a restricted law reads as unknown, and is never listed or suggested.
            var access = await Reader.GetAccessAsync();
            _laws = await Laws.GetLawsAsync(access);
            if (Law is null)
            {
                return;
            }

            _law = _laws.FirstOrDefault(l => Matches(l, Law));
            _norms = (await Store.ListNormsAsync(_law?.Law ?? Law)).Where(norm => access.Permits(norm.AccessGroups)).ToList();
            if (_norms.Count == 0)
            {
                _similarLaws = SimilarLawsTo(Law);
            }

            if (Section is null)
            {
                return;
            }

            _chunks = access.Filter(await Store.GetNormAsync(_law?.Law ?? Law, Section));
            if (_chunks.Count == 0 && CrossReferenceTargets.FindNorm(_norms, Section) is { IsRepealed: true } run)
            {
                // A number inside a repealed run ("§ 1330 BGB" in "§§ 1321 bis 1352 (weggefallen)") shows the run.
                _chunks = access.Filter(await Store.GetNormAsync(_law?.Law ?? Law, run.Citation.Section));
                _repealedRun = _chunks.Count > 0 ? run.Citation : null;
            }

            if (_chunks.Count == 0)
            {
                _nearest = NearestNorms.Find(_norms, Section);
                return;
            }

            MarkCited();
            _parts = _chunks.Select(PartOf).ToList();
            _targets = await new CrossReferenceTargets(Store, _laws).CheckAsync(_chunks);
            _citedBy = await CitedByAsync(_chunks[0].Citation, access);

            var index = IndexOf(_chunks[0].Citation.Section);
            _scrollPending = _firstWantedId is not null;
            _previous = index > 0 ? _norms[index - 1] : null;
            _next = index >= 0 && index < _norms.Count - 1 ? _norms[index + 1] : null;
            _query ??= CitationFormatter.FormatNorm(_chunks[0].Citation);
        }
        catch (KnowledgeStoreUnavailableException)
        {
            // The store's message names the server and its setting: for the admin page, not for everyone who opens a norm.
            _storeDown = true;
        }
        finally
        {
            _loading = false;
        }
    }

    private static bool Matches(LawInfo law, string name) =>
        string.Equals(law.Law, name, StringComparison.OrdinalIgnoreCase) ||
        law.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    private static string NormText(NormInfo norm)
    {
        var text = CitationFormatter.FormatNorm(norm.Citation);
        if (!string.IsNullOrWhiteSpace(norm.Title))
        {
            text += " – " + norm.Title;
        }

        return norm.IsRepealed ? text + " (weggefallen)" : text;
    }

    private int IndexOf(string section)
    {
        for (var i = 0; i < _norms.Count; i++)
        {
            if (string.Equals(_norms[i].Citation.Section, section, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_scrollPending || _loading)
        {
            return;
        }

        _scrollPending = false;
        try
        {
            await Browser.ScrollToCitedAsync(CitedElementId);
        }
        catch (JSException)
        {
            // Scrolling is a convenience: the mark shows the Absatz all the same.
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>Which parts the address names (<c>?abs=3a&amp;nr=2</c>), and what to say when the norm has no such Absatz.</summary>
    private void MarkCited()
    {
        if (Absatz is null || _repealedRun is not null)
        {
            return;
        }

        var cited = new Citation(_chunks[0].Citation.Law, _chunks[0].Citation.Kind, _chunks[0].Citation.Section, Absatz, Satz, Nummer);
        _firstWantedId = _chunks.FirstOrDefault(IsWanted)?.Id;
        if (_firstWantedId is null)
        {
            _unknownDetail = $"{CitationFormatter.FormatNorm(cited)} hat keinen Absatz {Absatz}; die ganze Norm wird angezeigt.";
            return;
        }

        _citedText = CitationFormatter.Format(cited);
    }

    private bool IsWanted(Chunk chunk)
    {
        if (Absatz is null || !string.Equals(chunk.Citation.Absatz, Absatz, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Parts split by Nummer: only the cited one, when the Absatz has it.
        var byNummer = Nummer is not null && _chunks.Any(c => string.Equals(c.Citation.Absatz, Absatz, StringComparison.OrdinalIgnoreCase) && c.Citation.Nummer == Nummer);
        return !byNummer || chunk.Citation.Nummer == Nummer;
    }

    /// <summary>A part as shown, worked out once per address rather than on every render (the query field re-renders per key).</summary>
    private NormPart PartOf(Chunk chunk)
    {
        var wanted = IsWanted(chunk);
        return new NormPart(chunk, wanted, SegmentsOf(chunk, wanted));
    }

    /// <summary>The text with its references, and within the cited Absatz the cited Satz highlighted.</summary>
    private IReadOnlyList<PassageSegment> SegmentsOf(Chunk chunk, bool wanted)
    {
        IReadOnlyList<TextSegment>? highlight = null;
        if (wanted && Satz is { } satz && chunk.Part == 0)
        {
            var sentences = GermanSentenceSplitter.Split(chunk.Text);
            if (satz >= 1 && satz <= sentences.Count)
            {
                var sentence = sentences[satz - 1];
                highlight =
                [
                    new TextSegment(chunk.Text[..sentence.Start], false),
                    new TextSegment(sentence.Of(chunk.Text), true),
                    new TextSegment(chunk.Text[sentence.End..], false),
                ];
            }
        }

        return PassageSegments.Split(chunk.Text, chunk.References, highlight);
    }

    /// <summary>The norms whose text refers to this one, grouped by law, each at the Absatz that refers.</summary>
    private async Task<IReadOnlyList<CitedByGroup>> CitedByAsync(Citation norm, DocumentAccess access)
    {
        if (Store is not ICrossReferenceIndex index)
        {
            return [];
        }

        // Only norms this reader may see: a restricted bylaw's name must not show up under "zitiert von".
        var referring = access.Filter(await index.GetReferringChunksAsync(norm.Law, norm.Section));
        return referring
            .Where(c => !(string.Equals(c.Citation.Law, norm.Law, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Citation.Section, norm.Section, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(c => c.Citation.Law, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => string.Equals(g.Key, norm.Law, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CitedByGroup(
                g.First().Citation.Law,
                g.First().LawTitle,
                [.. g.GroupBy(c => c.Citation.Section, StringComparer.OrdinalIgnoreCase).Select(CitedByNormOf)]))
            .ToList();
    }

    /// <summary>One citing norm: its first citing Absatz as the link, and every citing Absatz when there are several.</summary>
    private static CitedByNorm CitedByNormOf(IEnumerable<Chunk> chunks)
    {
        var absaetze = chunks.Select(c => c.Citation).DistinctBy(c => c.Absatz).ToList();
        var first = chunks.First();
        var text = CitationFormatter.Format(absaetze[0].Norm with { Absatz = absaetze.Count == 1 ? absaetze[0].Absatz : null })
            + (string.IsNullOrWhiteSpace(first.NormTitle) ? string.Empty : " – " + first.NormTitle);
        return new CitedByNorm(
            text,
            NormAddress.PathOf(absaetze[0].Norm with { Absatz = absaetze[0].Absatz }, withDetails: true),
            [.. absaetze.Where(c => c.Absatz is not null).Select(c => (c.Absatz!, NormAddress.PathOf(c.Norm with { Absatz = c.Absatz }, withDetails: true)))]);
    }

    private List<LawInfo> SimilarLawsTo(string name) => _laws
        .Where(l => l.Law.Contains(name, StringComparison.OrdinalIgnoreCase) ||
                    name.Contains(l.Law, StringComparison.OrdinalIgnoreCase) ||
                    l.Title.Contains(name, StringComparison.OrdinalIgnoreCase) ||
                    l.Aliases.Any(a => a.Contains(name, StringComparison.OrdinalIgnoreCase)))
        .Take(5)
        .ToList();

    private async Task OnQueryKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter")
        {
            await GoAsync();
        }
    }

    /// <summary>The box reads citations with the one grammar of search and <c>wissen show</c> (<see cref="CitationParser"/>).</summary>
    private async Task GoAsync()
    {
        var parser = await Laws.GetParserAsync(await Reader.GetAccessAsync());
        var citation = string.IsNullOrWhiteSpace(_query) ? null : parser.Parse(_query).FirstOrDefault(found => found.Law.Length > 0);
        if (citation is null)
        {
            _queryError = "Bitte eine Fundstelle wie „§ 35 BauGB“ oder „Art. 20 GG“ eingeben.";
            return;
        }

        var path = NormAddress.PathOf(citation, withDetails: true);
        _queryError = null;
        Navigation.NavigateTo(path);
    }

    private sealed record NormPart(Chunk Chunk, bool Wanted, IReadOnlyList<PassageSegment> Segments);

    private sealed record CitedByGroup(string Law, string LawTitle, IReadOnlyList<CitedByNorm> Norms);

    private sealed record CitedByNorm(string Text, string Href, IReadOnlyList<(string Absatz, string Href)> Absaetze);
}
