using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;
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

    /// <summary>What each passage the store hands out again is, read once (<see cref="PassageOf"/>).</summary>
    private readonly ConditionalWeakTable<Chunk, Passage> _byPassage = [];

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
        var ownRules = rules.All(rule => _rules.Contains(rule, ReferenceEqualityComparer.Instance));
        foreach (var candidate in candidates)
        {
            // A passage no rule of the profile displaces is displaced by none of the rules that hold for this question.
            if ((!ownRules || PassageOf(candidate.Chunk).Displaceable) && Displacing(rules, candidate.Chunk) is { } displacing)
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
        var passages = new Passage[kept.Count];
        var ownBases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < passages.Length; i++)
        {
            passages[i] = PassageOf(kept[i].Chunk);
            if (passages[i].OwnBase is { } ownBase)
            {
                ownBases.Add(ownBase);
            }
        }

        List<string>? words = null;
        Dictionary<LocalBody, bool>? named = null;
        var weighted = new ScoredChunk[kept.Count];
        for (var i = 0; i < weighted.Length; i++)
        {
            var c = kept[i];
            weighted[i] = passages[i].Other is { } other && !IsNamed(other) && (other.Folder.Length == 0 || ownBases.Contains(passages[i].OtherBase!))
                ? c with { Score = c.Score * _otherBodyWeight }
                : c;
        }

        return ScoreOrder.Descending(weighted);

        // Asked once per body and question, not once per passage.
        bool IsNamed(LocalBody body)
        {
            words ??= WordPattern().Matches(question).Select(m => m.Value).ToList();
            named ??= new Dictionary<LocalBody, bool>(ReferenceEqualityComparer.Instance);
            if (!named.TryGetValue(body, out var isNamed))
            {
                isNamed = body.IsNamedIn(words);
                named[body] = isNamed;
            }

            return isNamed;
        }
    }

    private static PrecedenceRule? Displacing(IReadOnlyList<PrecedenceRule> rules, Chunk chunk)
    {
        foreach (var rule in rules)
        {
            if (rule.Displaces(chunk))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// The other body (Landkreis, Verband, Körperschaft) whose bylaw the passage is, or null for the Gemeinde's own and for
    /// statutes: by the corpus folder, and within the Gemeinde's folder by the issuer the document's title names
    /// (<see cref="BylawIssuer"/>).
    /// </summary>
    public LocalBody? OtherBody(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return _own is null ? null : PassageOf(chunk).Other;
    }

    /// <summary>
    /// Whether a rule of the profile displaces the passage, who issued it and its law's name without the issuer's suffix: read
    /// once per chunk, as the store hands the same chunks to question after question.
    /// </summary>
    private Passage PassageOf(Chunk chunk)
    {
        if (_byPassage.TryGetValue(chunk, out var known))
        {
            return known;
        }

        var displaceable = _rules.Any(rule => rule.Displaces(chunk));
        Passage passage;
        if (_own is not { } own)
        {
            passage = new Passage(displaceable, null, null, null);
        }
        else
        {
            var other = own.Owns(chunk.DocumentId)
                ? _issuers.GetOrAdd(chunk.LawTitle, title => BylawIssuer.Of(title, own))
                : _others.FirstOrDefault(body => body.Owns(chunk.DocumentId));
            passage = other is null
                ? new Passage(displaceable, null, own.Owns(chunk.DocumentId) ? own.BaseName(chunk.Citation.Law) : null, null)
                : new Passage(displaceable, other, null, other.BaseName(chunk.Citation.Law));
        }

        _byPassage.AddOrUpdate(chunk, passage);
        return passage;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    /// <param name="Displaceable">True when a rule of the profile displaces the passage (whether it holds for a question or not).</param>
    /// <param name="Other">The other body whose bylaw the passage is; null for the Gemeinde's own and for statutes.</param>
    /// <param name="OwnBase">For the Gemeinde's own bylaw, its name without the Gemeinde's suffix.</param>
    /// <param name="OtherBase">For another body's bylaw, its name without that body's suffix.</param>
    private sealed record Passage(bool Displaceable, LocalBody? Other, string? OwnBase, string? OtherBase);

    /// <summary>The question names the law itself ("nach dem VwVfG", "§ 41 VwVfG"): then it is what the user asks about.</summary>
    private static Regex NamedPattern(string law) =>
        new($@"(?<![\p{{L}}\p{{Nd}}]){Regex.Escape(law)}(?![\p{{L}}\p{{Nd}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
