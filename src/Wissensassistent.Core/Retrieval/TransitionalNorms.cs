using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Transitional provisions and entry-into-force norms ("§ 42b Übergangsregelung aus Anlass …", "§ 28 Inkrafttreten") repeat the
/// vocabulary of the whole law ("über einen Wohngeldantrag noch nicht entschieden") but answer a current question only when it
/// asks about the transition. Their passages are weighted down unless the question does ask about it. A norm is transitional by
/// its title ("Übergangsvorschrift", "Überleitungsregelung", "Inkrafttreten") or by the part of the law it stands in when that
/// part holds nothing else ("Teil 8 - Überleitungsvorschriften"; not "Übergangs- und Schlussvorschriften", which also hold
/// current rules).
/// </summary>
public static partial class TransitionalNorms
{
    private static readonly object Yes = true;

    private static readonly object No = false;

    private static readonly ConditionalWeakTable<Chunk, object> Known = [];

    public static bool IsTransitional(string normTitle)
    {
        ArgumentNullException.ThrowIfNull(normTitle);
        return TransitionalTitle().IsMatch(normTitle);
    }

    /// <summary>True for a passage of a transitional norm, by its title or by a heading of the part that holds it.</summary>
    /// <remarks>Answered once per chunk: a store that keeps the chunks it read hands the same ones to question after question.</remarks>
    public static bool IsTransitional(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Known.GetValue(chunk, c => Decide(c) ? Yes : No) == Yes;
    }

    private static bool Decide(Chunk chunk)
    {
        return IsTransitional(IndexedTerms.NormTitle(chunk))
            || chunk.HeadingPath.Skip(1).SkipLast(chunk.NormTitle is null ? 0 : 1).Any(heading => TransitionalPart().IsMatch(heading));
    }

    /// <summary>The hits with transitional norms' scores times <paramref name="weight"/>, re-sorted; unchanged when the question asks about a transition.</summary>
    public static IReadOnlyList<ScoredChunk> Apply(string question, IReadOnlyList<ScoredChunk> hits, double weight)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(hits);
        if (weight >= 1 || hits.Count == 0 || AsksAboutTransition().IsMatch(question))
        {
            return hits;
        }

        var weighted = new ScoredChunk[hits.Count];
        for (var i = 0; i < weighted.Length; i++)
        {
            var hit = hits[i];
            weighted[i] = IsTransitional(hit.Chunk) ? hit with { Score = hit.Score * weight } : hit;
        }

        return ScoreOrder.Descending(weighted);
    }

    [GeneratedRegex(@"Übergangs(vorschrift|regelung|bestimmung)|Überleitungs(vorschrift|regelung|bestimmung)|Inkrafttreten|Außerkrafttreten", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransitionalTitle();

    /// <summary>A heading whose whole subject is the transition, after its number ("Teil 8 - ", "Erster Teil - ").</summary>
    [GeneratedRegex(@"^([^-–]*[-–]\s*)?(Übergangs|Überleitungs)(vorschriften|regelungen|bestimmungen)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransitionalPart();

    [GeneratedRegex(@"übergang|überleitung|inkraft|außerkraft|in kraft|alte[nmrs]? (fassung|recht)|bisherige[nmrs]? recht", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksAboutTransition();
}
