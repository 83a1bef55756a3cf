using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// One gold norm of an eval line: law and section, and the corpus file where the line names it. Bylaws are named
/// differently by people and by the corpus ("Abfallwirtschaftssatzung Landkreis Göppingen" / "… LK Göppingen"), so a
/// passage of the named file with the same § counts too; a gold annex row or guideline number ("Anlage Nr. 14.1",
/// "Nr. 1 c") counts for any unnumbered passage (fee table, annex, guideline section) of that file.
/// </summary>
public sealed record GoldNorm(string Law, string Section, string? File)
{
    public bool Matches(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (string.Equals(chunk.Citation.NormKey, Citation.NormKeyOf(Law, Section), StringComparison.Ordinal))
        {
            return true;
        }

        if (File is null || !string.Equals(chunk.DocumentId, File, StringComparison.Ordinal))
        {
            return false;
        }

        var section = Normalize(Section);
        if (section == Normalize(chunk.Citation.Section))
        {
            return true;
        }

        return !char.IsDigit(section[0]) && chunk.Citation.Kind is NormKind.Item or NormKind.Section;
    }

    private static string Normalize(string section) =>
        new([.. section.Where(c => !char.IsWhiteSpace(c) && c != '§').Select(char.ToLowerInvariant)]);
}
