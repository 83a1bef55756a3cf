using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Jurisdiction;

/// <summary>
/// The law that governs for the deployment profile, applied to retrieval: passages of a displaced parallel (the VwVfG where
/// the LVwVfG governs, §§ 127 ff. BauGB where the KAG does) are removed from the candidates unless the question names the
/// displaced law, and other bodies' bylaws rank behind the Gemeinde's own. The rules are data (<see cref="ApplicableLawTable"/>).
/// </summary>
public sealed partial class ApplicableLaw
{
    /// <summary>
    /// How many of the best first-pass passages decide whether a conditional rule (<see cref="PrecedenceRule.When"/>) holds:
    /// it does when the best of them, or two, come from a context law, and none from a law that excludes it.
    /// </summary>
    private const int ContextDepth = 5;

    private readonly IReadOnlyList<PrecedenceRule> _rules;
    private readonly LocalBody? _own;
    private readonly IReadOnlyList<LocalBody> _others;
    private readonly double _otherBodyWeight;

    /// <summary>For each displaced law of the rules, the pattern that finds it named in a question; built once, not per query.</summary>
    private readonly Dictionary<string, Regex> _lawNamed;

    /// <summary>The issuer by law title, for the Gemeinde's folder: read from each title once.</summary>
    private readonly ConcurrentDictionary<string, LocalBody?> _issuers = new(StringComparer.Ordinal);

    public ApplicableLaw(IOptions<DeploymentProfile> profile)
        : this(profile?.Value ?? throw new ArgumentNullException(nameof(profile)))
    {
    }

    public ApplicableLaw(DeploymentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        var rules = ApplicableLawTable.ParseRules(profile.ApplicableLawFile is { Length: > 0 } rulesFile ? File.ReadAllText(rulesFile) : ApplicableLawTable.ShippedRules);
        var bodies = ApplicableLawTable.ParseBodies(profile.LocalBodiesFile is { Length: > 0 } bodiesFile ? File.ReadAllText(bodiesFile) : ApplicableLawTable.ShippedBodies);
        _rules = rules.Where(rule => string.Equals(rule.Land, profile.Land, StringComparison.OrdinalIgnoreCase)).ToList();
        _own = bodies.FirstOrDefault(body => body.Kind.Equals("Gemeinde", StringComparison.OrdinalIgnoreCase) && body.Name.Equals(profile.Gemeinde, StringComparison.OrdinalIgnoreCase));
        _others = _own is null ? [] : bodies.Where(body => body != _own).ToList();
        _otherBodyWeight = profile.OtherBodyWeight;
        _lawNamed = _rules.Select(rule => rule.Displaced).Distinct(StringComparer.Ordinal).ToDictionary(law => law, NamedPattern, StringComparer.Ordinal);
    }

    /// <summary>The shipped tables for the default profile (Baden-Württemberg, Landkreis Göppingen, Bad Boll).</summary>
    public static ApplicableLaw Default { get; } = new(new DeploymentProfile());

    public DeploymentProfile Profile { get; }

    /// <summary>The rules for the profile's Land.</summary>
    public IReadOnlyList<PrecedenceRule> Rules => _rules;

    /// <summary>The rules that hold for a question, given its best first-pass passages.</summary>
    public IReadOnlyList<PrecedenceRule> RulesFor(string question, IReadOnlyList<Chunk> bestPassages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(bestPassages);
        var context = bestPassages.Take(ContextDepth).Select(chunk => chunk.Citation.Law).ToList();
        return _rules
            .Where(rule => !_lawNamed[rule.Displaced].IsMatch(question))
            .Where(rule => !rule.NeedsContext || (context.Count > 0 && rule.IsContext(context[0])) || context.Count(rule.IsContext) >= 2)
            .Where(rule => !context.Any(rule.IsExcludedBy))
            .ToList();
    }

    /// <summary>
    /// The laws a question names, each followed by the law that governs in its place for the profile ("Gilt das VwZG des
    /// Bundes?" asks about the LVwZG too): only whole laws that are always displaced, not a § range or a rule that holds in a
    /// context only.
    /// </summary>
    public IReadOnlyList<string> WithGoverningLaws(IReadOnlyList<string> namedLaws)
    {
        ArgumentNullException.ThrowIfNull(namedLaws);
        var governing = _rules
            .Where(rule => rule.Sections is null && rule.When.Count == 0 && namedLaws.Contains(rule.Displaced, StringComparer.OrdinalIgnoreCase))
            .Select(rule => rule.Applies);
        return namedLaws.Concat(governing).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The candidates without displaced passages, other bodies' parallel bylaws weighted down, re-sorted by score;
    /// <paramref name="applied"/> receives the rules that removed something.
    /// </summary>
    public IReadOnlyList<ScoredChunk> Apply(string question, IReadOnlyList<ScoredChunk> candidates, IReadOnlyList<PrecedenceRule> rules, ISet<PrecedenceRule> applied)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(applied);
        var kept = new List<ScoredChunk>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var displacing = rules.FirstOrDefault(rule => rule.Displaces(candidate.Chunk));
            if (displacing is not null)
            {
                applied.Add(displacing);
                continue;
            }

            kept.Add(candidate);
        }

        if (_own is null)
        {
            return kept;
        }

        // Another body's bylaw ranks behind the Gemeinde's own where both regulate the same matter (same name without suffix),
        // unless the question names that body ("Kreistag", "Landrat"). The bylaw of a Körperschaft that the Gemeinde only
        // publishes (a Jagdgenossenschaft's) binds that body's members and organs, never the Gemeinde's: always behind.
        var own = _own;
        var words = WordPattern().Matches(question).Select(m => m.Value).ToList();
        var ownBases = kept.Where(c => OtherBody(c.Chunk) is null && own.Owns(c.Chunk.DocumentId)).Select(c => own.BaseName(c.Chunk.Citation.Law)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return kept
            .Select(c => OtherBody(c.Chunk) is { } other && !other.IsNamedIn(words) && (other.Folder.Length == 0 || ownBases.Contains(other.BaseName(c.Chunk.Citation.Law)))
                ? c with { Score = c.Score * _otherBodyWeight }
                : c)
            .OrderByDescending(c => c.Score)
            .ToList();
    }

    /// <summary>
    /// The other body (Landkreis, Verband, Körperschaft) whose bylaw the passage is, or null for the Gemeinde's own and for
    /// statutes: by the corpus folder, and within the Gemeinde's folder by the issuer the document's title names
    /// (<see cref="BylawIssuer"/>).
    /// </summary>
    public LocalBody? OtherBody(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_own is null)
        {
            return null;
        }

        return _own.Owns(chunk.DocumentId)
            ? _issuers.GetOrAdd(chunk.LawTitle, title => BylawIssuer.Of(title, _own))
            : _others.FirstOrDefault(body => body.Owns(chunk.DocumentId));
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    /// <summary>The question names the law itself ("nach dem VwVfG", "§ 41 VwVfG"): then it is what the user asks about.</summary>
    private static Regex NamedPattern(string law) =>
        new($@"(?<![\p{{L}}\p{{Nd}}]){Regex.Escape(law)}(?![\p{{L}}\p{{Nd}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
