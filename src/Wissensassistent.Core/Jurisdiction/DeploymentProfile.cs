using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Core.Jurisdiction;

/// <summary>
/// Where the assistant is deployed (section <c>Deployment</c>): the Land, Landkreis and Gemeinde whose law applies. The
/// defaults match the shipped corpus. Which law governs for the profile comes from the tables in this folder
/// (<c>applicable-law.tsv</c>, <c>local-bodies.tsv</c>), or from files a legal officer maintains (<see cref="ApplicableLawFile"/>,
/// <see cref="LocalBodiesFile"/>).
/// </summary>
public sealed class DeploymentProfile
{
    public const string Section = "Deployment";

    [Required]
    public string Land { get; set; } = "Baden-Württemberg";

    public string Landkreis { get; set; } = "Göppingen";

    public string Gemeinde { get; set; } = "Bad Boll";

    /// <summary>A TSV in the format of the shipped <c>applicable-law.tsv</c> that replaces it; empty for the shipped table.</summary>
    public string? ApplicableLawFile { get; set; }

    /// <summary>A TSV in the format of the shipped <c>local-bodies.tsv</c> that replaces it; empty for the shipped table.</summary>
    public string? LocalBodiesFile { get; set; }

    /// <summary>The Gemeinde, Landkreis and Land by name: every bylaw of the corpus carries them, so they are no content words of a question.</summary>
    public IReadOnlyList<string> PlaceNames => [Gemeinde, Landkreis, Land];

    /// <summary>Score factor for another body's bylaw (Landkreis, Verband) where the Gemeinde has its own of the same name.</summary>
    [Range(0.0, 1.0)]
    public double OtherBodyWeight { get; set; } = 0.5;
}
