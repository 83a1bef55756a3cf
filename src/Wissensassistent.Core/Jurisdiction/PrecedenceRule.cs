using System.Globalization;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Jurisdiction;

/// <summary>
/// One row of the applicable-law table: for a Gemeinde in <paramref name="Land"/>, <paramref name="Displaced"/> (or the
/// §§ in <paramref name="Sections"/>) does not govern; <paramref name="Applies"/> does, for the reason in
/// <paramref name="Note"/>, which cites <paramref name="Basis"/>.
/// </summary>
/// <param name="Sections">Null for the whole law, else the first and last § number (letters after the number included).</param>
/// <param name="When">
/// Empty when the rule always holds; else law patterns (<c>*</c> as wildcard) of which one must be among the best passages,
/// and patterns after <c>!</c> of which none may be (the AO gives way to the LVwVfG unless the matter is a local levy).
/// </param>
public sealed record PrecedenceRule(
    string Land,
    string Displaced,
    (int First, int Last)? Sections,
    string Applies,
    IReadOnlyList<string> When,
    IReadOnlyList<string> Basis,
    string Note)
{
    /// <summary>True when the passage belongs to the displaced law (and § range).</summary>
    public bool Displaces(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Displaces(chunk.Citation);
    }

    /// <summary>True when the address belongs to the displaced law (and § range), whether or not the corpus holds it.</summary>
    public bool Displaces(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (!string.Equals(citation.Law, Displaced, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Sections is not { } range)
        {
            return true;
        }

        var digits = new string(citation.Section.TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= range.First && number <= range.Last;
    }

    /// <summary>True when the rule names laws of which one must be among the best passages.</summary>
    public bool NeedsContext => When.Any(pattern => !pattern.StartsWith('!'));

    /// <summary>True when <paramref name="law"/> matches one of the <see cref="When"/> patterns that must be among the best passages.</summary>
    public bool IsContext(string law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return When.Any(pattern => !pattern.StartsWith('!') && Glob(pattern, law));
    }

    /// <summary>True when <paramref name="law"/> matches one of the <c>!</c> patterns: among the best passages, it keeps the rule from holding.</summary>
    public bool IsExcludedBy(string law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return When.Any(pattern => pattern.StartsWith('!') && Glob(pattern[1..], law));
    }

    private static bool Glob(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.OrdinalIgnoreCase);
        }

        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase) || !text.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = parts[0].Length;
        foreach (var part in parts[1..^1])
        {
            var found = text.IndexOf(part, position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return position <= text.Length - parts[^1].Length;
    }
}
