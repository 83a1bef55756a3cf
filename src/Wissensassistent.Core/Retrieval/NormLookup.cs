using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Resolves what people type as an address (<c>§ 35 Abs. 1 BauGB</c>, <c>35 baugb</c>, <c>Art. 20 GG</c>) to exactly that
/// passage, with Stand and source; unknown addresses get the nearest laws or norms. One path for <c>wissen show</c>, the
/// norm API and the MCP tool <c>get_norm</c>. Every lookup is made for one reader: a restricted norm or law the reader may
/// not see is answered exactly like one that does not exist, and is never suggested.
/// </summary>
public sealed class NormLookup(IKnowledgeStore store, LawDirectory laws)
{
    public const int SuggestionCount = 5;

    /// <summary>Every address the input names, each resolved; one <see cref="NormLookupOutcome.Unreadable"/> result when none.</summary>
    public async Task<IReadOnlyList<NormLookupResult>> LookupAsync(string input, DocumentAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parser = await laws.GetParserAsync(access, cancellationToken).ConfigureAwait(false);
        var citations = parser.Parse(input.Trim());
        if (citations.Count == 0)
        {
            return [new NormLookupResult(
                NormLookupOutcome.Unreadable,
                null,
                [],
                $"„{input.Trim()}“ ist keine Fundstelle, die ich lesen kann. Beispiele: „§ 35 Abs. 1 BauGB“, „Art. 20 GG“, „§ 24 GemO“.",
                [])];
        }

        var results = new List<NormLookupResult>(citations.Count);
        foreach (var citation in citations)
        {
            results.Add(await LookupAsync(citation, access, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>An address given in parts (<c>BauGB</c>, <c>35</c>, Absatz <c>1</c>), the law by its abbreviation or an alias.</summary>
    public async Task<NormLookupResult> LookupAsync(string law, string section, string? absatz, string? nummer, DocumentAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(law);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        law = law.Trim();
        var known = await laws.GetLawsAsync(access, cancellationToken).ConfigureAwait(false);
        var info = known.FirstOrDefault(l => string.Equals(l.Law, law, StringComparison.OrdinalIgnoreCase))
            ?? known.FirstOrDefault(l => l.Aliases.Any(a => string.Equals(a, law, StringComparison.OrdinalIgnoreCase)));
        var citation = new Citation(
            info?.Law ?? law,
            NormKind.Paragraph,
            section.Trim().TrimStart('§').Trim(),
            string.IsNullOrWhiteSpace(absatz) ? null : absatz.Trim(),
            Nummer: string.IsNullOrWhiteSpace(nummer) ? null : nummer.Trim());
        return await LookupAsync(citation, access, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One address, already parsed.</summary>
    public async Task<NormLookupResult> LookupAsync(Citation citation, DocumentAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(access);
        var norm = await GetNormAsync(citation.Law, citation.Section, access, cancellationToken).ConfigureAwait(false);
        var passage = SelectPassage(norm, citation);
        if (passage.Count > 0)
        {
            return new NormLookupResult(NormLookupOutcome.Found, citation with { Law = passage[0].Citation.Law, Kind = passage[0].Citation.Kind }, passage, null, []);
        }

        var formatted = CitationFormatter.Format(citation);
        if (norm.Count > 0)
        {
            return new NormLookupResult(
                NormLookupOutcome.UnknownAbsatz,
                citation with { Law = norm[0].Citation.Law },
                [],
                $"„{formatted}“: {CitationFormatter.FormatNorm(citation)} hat keinen Absatz {citation.Absatz}.",
                norm.Select(c => c.Citation.Absatz).OfType<string>().Distinct().Select(a => CitationFormatter.Format(citation with { Law = norm[0].Citation.Law, Absatz = a, Satz = null, Nummer = null, Buchstabe = null })).Take(SuggestionCount).ToList());
        }

        var known = await laws.GetLawsAsync(access, cancellationToken).ConfigureAwait(false);
        var law = known.FirstOrDefault(l => string.Equals(l.Law, citation.Law, StringComparison.OrdinalIgnoreCase));
        if (law is null)
        {
            var nearest = NearestNames.Find(citation.Law, known.Select(l => l.Law), SuggestionCount);
            return new NormLookupResult(
                NormLookupOutcome.UnknownLaw,
                citation,
                [],
                $"„{formatted}“: ein Gesetz „{citation.Law}“ ist im Bestand nicht vorhanden."
                    + (nearest.Count > 0 ? $" Meinten Sie: {string.Join(", ", nearest)}?" : string.Empty),
                nearest);
        }

        var norms = (await store.ListNormsAsync(law.Law, cancellationToken).ConfigureAwait(false)).Where(n => access.Permits(n.AccessGroups)).ToList();
        var near = NearestNorms.Find(norms, citation.Section, SuggestionCount).Select(n => CitationFormatter.Format(n.Citation)).ToList();
        return new NormLookupResult(
            NormLookupOutcome.UnknownNorm,
            citation with { Law = law.Law },
            [],
            $"„{formatted}“ gibt es im Bestand nicht." + (near.Count > 0 ? $" Nächstgelegene Normen: {string.Join(", ", near)}." : string.Empty),
            near);
    }

    /// <summary>
    /// The chunks of a norm; for a number inside a repealed run (<c>§ 1330 BGB</c> within <c>§§ 1321 bis 1352 (weggefallen)</c>)
    /// those of the run's heading, so that the address says "weggefallen" rather than "not found".
    /// </summary>
    public async Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, DocumentAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var norm = access.Filter(await store.GetNormAsync(law, section, cancellationToken).ConfigureAwait(false));
        if (norm.Count > 0 || !char.IsAsciiDigit(section.Trim().FirstOrDefault()))
        {
            return norm;
        }

        var norms = await store.ListNormsAsync(law, cancellationToken).ConfigureAwait(false);
        var run = norms.FirstOrDefault(n => n.IsRepealed && access.Permits(n.AccessGroups) && SectionRange.Contains(n.Citation.Section, section));
        return run is null ? [] : access.Filter(await store.GetNormAsync(law, run.Citation.Section, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The cited Absatz (and Nummer) if given, else the whole norm.</summary>
    public static IReadOnlyList<Chunk> SelectPassage(IReadOnlyList<Chunk> norm, Citation citation)
    {
        ArgumentNullException.ThrowIfNull(norm);
        ArgumentNullException.ThrowIfNull(citation);
        if (citation.Absatz is null)
        {
            return norm;
        }

        var absatz = norm.Where(c => string.Equals(c.Citation.Absatz, citation.Absatz, StringComparison.OrdinalIgnoreCase)).ToList();
        if (citation.Nummer is not null && absatz.Any(c => c.Citation.Nummer == citation.Nummer))
        {
            return absatz.Where(c => c.Citation.Nummer == citation.Nummer).ToList();
        }

        return absatz;
    }
}
