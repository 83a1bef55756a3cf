using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Tests;

/// <summary>Laws as a store built from the shipped corpus lists them.</summary>
internal static class TestLaws
{
    public static IReadOnlyList<LawInfo> All { get; } =
    [
        Law("BauGB", "Baugesetzbuch", Level.Bund, "BBauG"),
        Law("BGB", "Bürgerliches Gesetzbuch", Level.Bund),
        Law("GG", "Grundgesetz für die Bundesrepublik Deutschland", Level.Bund),
        Law("VwVfG", "Verwaltungsverfahrensgesetz", Level.Bund),
        Law("SGB X", "Zehntes Buch Sozialgesetzbuch - Sozialverwaltungsverfahren und Sozialdatenschutz", Level.Bund, "SGB 10"),
        Law("GemO", "Gemeindeordnung für Baden-Württemberg", Level.Land),
        Law("KAG", "Kommunalabgabengesetz für Baden-Württemberg", Level.Land),
        Law("Hundesteuersatzung Bad Boll", "Satzung über die Erhebung der Hundesteuer (Hundesteuersatzung)", Level.Kommune, type: DocumentType.Satzung),
        Law("Hauptsatzung Bad Boll", "Hauptsatzung der Gemeinde Bad Boll", Level.Kommune, type: DocumentType.Satzung),
        Law("Hauptsatzung Landkreis Göppingen", "Hauptsatzung des Landkreises Göppingen", Level.Kommune, type: DocumentType.Satzung),
        Law(
            "Richtlinie Ehrungen Bad Boll",
            "Richtlinien für die Ehrung von besonderen Leistungen im sportlichen, kulturellen und sozialen Bereich in Boll",
            Level.Kommune,
            type: DocumentType.Richtlinie),
    ];

    public static LawNameResolver Resolver { get; } = new(All);

    private static LawInfo Law(string law, string title, Level level, string? alias = null, DocumentType type = DocumentType.Gesetz) =>
        new(law, title, alias is null ? [] : [alias], level, type, Stand: null, Chunks: 1);
}
