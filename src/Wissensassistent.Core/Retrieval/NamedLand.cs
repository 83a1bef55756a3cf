using System.Text.RegularExpressions;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// A question that names the deployment's Land ("Hundesteuer Pflicht Baden-Württemberg?", "Jagdsteuer Höhe BW?") asks for the
/// Land's rule: not the Gemeinde's bylaw that repeats it, nor a federal norm on the same subject. The Land's passages score
/// higher then. The name is no content word (<see cref="Jurisdiction.DeploymentProfile.PlaceNames"/>), so without this it
/// would say nothing about where the answer stands.
/// </summary>
public static partial class NamedLand
{
    /// <summary>The common abbreviations of the Länder, as staff write them in a short question.</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Baden-Württemberg"] = "BW",
        ["Bayern"] = "BY",
        ["Berlin"] = "BE",
        ["Brandenburg"] = "BB",
        ["Bremen"] = "HB",
        ["Hamburg"] = "HH",
        ["Hessen"] = "HE",
        ["Mecklenburg-Vorpommern"] = "MV",
        ["Niedersachsen"] = "NI",
        ["Nordrhein-Westfalen"] = "NRW",
        ["Rheinland-Pfalz"] = "RP",
        ["Saarland"] = "SL",
        ["Sachsen"] = "SN",
        ["Sachsen-Anhalt"] = "ST",
        ["Schleswig-Holstein"] = "SH",
        ["Thüringen"] = "TH",
    };

    /// <summary>True when the question names <paramref name="land"/> by its name or, in capitals, by its abbreviation.</summary>
    public static bool IsNamedIn(string question, string land)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(land))
        {
            return false;
        }

        foreach (Match word in Word().Matches(question))
        {
            if (string.Equals(word.Value, land, StringComparison.OrdinalIgnoreCase)
                || (Abbreviations.TryGetValue(land, out var abbreviation) && string.Equals(word.Value, abbreviation, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The hits with the Land's passages' scores times 1 + <paramref name="boost"/>, re-sorted; unchanged unless the question names the Land.</summary>
    public static IReadOnlyList<ScoredChunk> Apply(string question, IReadOnlyList<ScoredChunk> hits, string land, double boost)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (boost <= 0 || hits.Count == 0 || !IsNamedIn(question, land))
        {
            return hits;
        }

        var boosted = new ScoredChunk[hits.Count];
        for (var i = 0; i < boosted.Length; i++)
        {
            var hit = hits[i];
            boosted[i] = hit.Chunk.Level == Level.Land ? hit with { Score = hit.Score * (1 + boost) } : hit;
        }

        return ScoreOrder.Descending(boosted);
    }

    /// <summary>A word with its hyphens ("Baden-Württemberg" is one, "LBO-BW" holds "BW" only as a part).</summary>
    [GeneratedRegex(@"(?<![\w-])[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*(?![\w-])")]
    private static partial Regex Word();
}
