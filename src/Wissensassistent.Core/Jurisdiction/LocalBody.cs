namespace Wissensassistent.Core.Jurisdiction;

/// <summary>
/// A body that issues bylaws in the corpus (Gemeinde, Landkreis, Verband), the corpus folder of its texts and the suffix
/// its bylaws carry in their names (<c>Hauptsatzung LK Göppingen</c>).
/// </summary>
/// <param name="Keywords">Word beginnings with which a question names the body itself (<c>Kreis</c> in „Kreistag“).</param>
public sealed record LocalBody(string Kind, string Name, string Folder, string Suffix, string? Basis, IReadOnlyList<string> Keywords)
{
    /// <summary>True when a word of the question begins with one of the body's keywords.</summary>
    public bool IsNamedIn(IEnumerable<string> questionWords) =>
        questionWords.Any(word => Keywords.Any(keyword => word.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)));

    public bool Owns(string documentId) => documentId.StartsWith(Folder, StringComparison.OrdinalIgnoreCase);

    /// <summary>The bylaw's name without this body's suffix: what makes bylaws of two bodies parallel.</summary>
    public string BaseName(string law) =>
        law.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? law[..^Suffix.Length].Trim() : law;
}
