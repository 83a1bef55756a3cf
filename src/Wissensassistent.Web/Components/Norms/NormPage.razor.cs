using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Norms;

/// <summary>Any norm by its address, with its Absätze, neighbours, Stand and source; or a law's norms; or all laws.</summary>
public sealed partial class NormPage
{
    private IReadOnlyList<LawInfo> _laws = [];
    private IReadOnlyList<LawInfo> _similarLaws = [];
    private IReadOnlyList<NormInfo> _norms = [];
    private IReadOnlyList<NormInfo> _nearest = [];
    private IReadOnlyList<Chunk> _chunks = [];
    private LawInfo? _law;
    private NormInfo? _previous;
    private NormInfo? _next;
    private string? _query;
    private string? _queryError;
    private bool _loading = true;
    private string? _outage;

    [Inject]
    private IKnowledgeStore Store { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private LawDirectory Laws { get; set; } = default!;

    [Inject]
    private CurrentReader Reader { get; set; } = default!;

    [Parameter]
    public string? Law { get; set; }

    [Parameter]
    public string? Section { get; set; }

    /// <summary>The Absatz to mark, from <c>?abs=</c>.</summary>
    [SupplyParameterFromQuery(Name = "abs")]
    public string? Absatz { get; set; }

    private string RequestedText => Section is null ? Law ?? "" : $"{Law} {Section}";

    private string PageTitleText => _chunks.Count > 0
        ? CitationFormatter.FormatNorm(_chunks[0].Citation)
        : Law is null ? "Normen" : RequestedText;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Normen", "/norm"),
        new(_law?.Law ?? Law ?? "", Law is null ? null : NormAddress.PathOfLaw(Law)),
        new(_chunks.Count > 0 ? CitationFormatter.FormatNorm(_chunks[0].Citation) : RequestedText, null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _outage = null;
        _queryError = null;
        _chunks = [];
        _norms = [];
        _nearest = [];
        _similarLaws = [];
        _previous = _next = null;
        _law = null;
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
            if (_chunks.Count == 0)
            {
                _nearest = NearestNorms.Find(_norms, Section);
                return;
            }

            var index = IndexOf(_chunks[0].Citation.Section);
            _previous = index > 0 ? _norms[index - 1] : null;
            _next = index >= 0 && index < _norms.Count - 1 ? _norms[index + 1] : null;
            _query ??= CitationFormatter.FormatNorm(_chunks[0].Citation);
        }
        catch (KnowledgeStoreUnavailableException outage)
        {
            _outage = outage.Message;
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

    private bool IsWanted(Chunk chunk) =>
        Absatz is not null && string.Equals(chunk.Citation.Absatz, Absatz, StringComparison.OrdinalIgnoreCase);

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

        var path = NormAddress.PathOf(citation);
        if (citation.Absatz is { } absatz)
        {
            path += "?abs=" + Uri.EscapeDataString(absatz);
        }

        _queryError = null;
        Navigation.NavigateTo(path);
    }
}
