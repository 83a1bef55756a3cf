namespace Wissensassistent.Core.Citations;

/// <summary>A law the code knows by name without a store: its citation abbreviation, title and other names.</summary>
internal sealed record BuiltInLaw(string Law, string Title, string[] Aliases, NormKind DefaultKind = NormKind.Paragraph)
{
    // Declared before All, which reads them during static initialisation.
    internal static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"];

    internal static readonly string[] Ordinals =
    [
        "Erstes", "Zweites", "Drittes", "Viertes", "Fünftes", "Sechstes", "Siebtes", "Achtes", "Neuntes", "Zehntes",
        "Elftes", "Zwölftes", "Dreizehntes", "Vierzehntes",
    ];

    /// <summary>
    /// Federal and Baden-Württemberg laws of the corpus and those its texts cite most. Abbreviations that are also
    /// everyday words (WEG, WG, LV) are left out: they would turn "Weg" into a law.
    /// </summary>
    public static readonly IReadOnlyList<BuiltInLaw> All =
    [
        new("AO", "Abgabenordnung", ["AO 1977"]),
        new("ArbZG", "Arbeitszeitgesetz", []),
        new("AsylbLG", "Asylbewerberleistungsgesetz", []),
        new("AsylG", "Asylgesetz", ["AsylVfG", "Asylverfahrensgesetz"]),
        new("AufenthG", "Aufenthaltsgesetz", ["AufenthG 2004"]),
        new("BauGB", "Baugesetzbuch", ["BBauG", "Bundesbaugesetz"]),
        new("BauNVO", "Baunutzungsverordnung", ["Verordnung über die bauliche Nutzung der Grundstücke"]),
        new("BHO", "Bundeshaushaltsordnung", []),
        new("BDSG", "Bundesdatenschutzgesetz", ["BDSG 2018"]),
        new("BeamtStG", "Beamtenstatusgesetz", []),
        new("BEEG", "Gesetz zum Elterngeld und zur Elternzeit", ["Bundeselterngeldgesetz", "Elterngeldgesetz"]),
        new("BGB", "Bürgerliches Gesetzbuch", []),
        new("BGebG", "Bundesgebührengesetz", ["Gesetz über Gebühren und Auslagen des Bundes"]),
        new("BImSchG", "Bundes-Immissionsschutzgesetz", ["Immissionsschutzgesetz", "Bundesimmissionsschutzgesetz"]),
        new("BKGG", "Bundeskindergeldgesetz", []),
        new("BMG", "Bundesmeldegesetz", []),
        new("BNatSchG", "Bundesnaturschutzgesetz", []),
        new("EGBGB", "Einführungsgesetz zum Bürgerlichen Gesetzbuche", ["Einführungsgesetz zum Bürgerlichen Gesetzbuch"], NormKind.Article),
        new("EGovG", "E-Government-Gesetz", []),
        new("EStG", "Einkommensteuergesetz", []),
        new("FGO", "Finanzgerichtsordnung", []),
        new("GastG", "Gaststättengesetz", []),
        new("GBO", "Grundbuchordnung", []),
        new("GewO", "Gewerbeordnung", []),
        new("GG", "Grundgesetz", ["Grundgesetz für die Bundesrepublik Deutschland"], NormKind.Article),
        new("GrStG", "Grundsteuergesetz", []),
        new("HGB", "Handelsgesetzbuch", []),
        new("HwO", "Handwerksordnung", ["Gesetz zur Ordnung des Handwerks"]),
        new("IFG", "Informationsfreiheitsgesetz", []),
        new("IfSG", "Infektionsschutzgesetz", []),
        new("InsO", "Insolvenzordnung", []),
        new("KrWG", "Kreislaufwirtschaftsgesetz", []),
        new("OWiG", "Gesetz über Ordnungswidrigkeiten", ["Ordnungswidrigkeitengesetz", "OWiG 1968"]),
        new("OZG", "Onlinezugangsgesetz", []),
        new("PassG", "Passgesetz", ["PaßG 1986"]),
        new("PAuswG", "Personalausweisgesetz", []),
        new("PStG", "Personenstandsgesetz", []),
        new("ROG", "Raumordnungsgesetz", ["ROG 2008"]),
        new("SprengG", "Sprengstoffgesetz", []),
        new("StAG", "Staatsangehörigkeitsgesetz", ["RuStAG"]),
        new("StGB", "Strafgesetzbuch", []),
        new("StPO", "Strafprozessordnung", []),
        new("StVG", "Straßenverkehrsgesetz", []),
        new("StVO", "Straßenverkehrs-Ordnung", ["Straßenverkehrsordnung"]),
        new("UhVorschG", "Unterhaltsvorschussgesetz", []),
        new("UIG", "Umweltinformationsgesetz", ["UIG 2005"]),
        new("VIG", "Verbraucherinformationsgesetz", []),
        new("VwGO", "Verwaltungsgerichtsordnung", []),
        new("VwVfG", "Verwaltungsverfahrensgesetz", []),
        new("VwVG", "Verwaltungs-Vollstreckungsgesetz", ["Verwaltungsvollstreckungsgesetz"]),
        new("VwZG", "Verwaltungszustellungsgesetz", ["VwZG 2005"]),
        new("WaffG", "Waffengesetz", []),
        new("WHG", "Wasserhaushaltsgesetz", []),
        new("WoGG", "Wohngeldgesetz", []),
        new("ZPO", "Zivilprozessordnung", []),
        .. SocialCodeBooks(),

        // Baden-Württemberg.
        new("BauGB-DVO", "Durchführungsverordnung zum Baugesetzbuch", []),
        new("EigBG", "Eigenbetriebsgesetz", ["Gesetz über die Eigenbetriebe der Gemeinden"]),
        new("FAG", "Finanzausgleichsgesetz", []),
        new("FwG", "Feuerwehrgesetz", ["Feuerwehrgesetz Baden-Württemberg"]),
        new("GemHVO", "Gemeindehaushaltsverordnung", []),
        new("GemO", "Gemeindeordnung", ["Gemeindeordnung für Baden-Württemberg"]),
        new("GKZ", "Gesetz über kommunale Zusammenarbeit", []),
        new("KAG", "Kommunalabgabengesetz", ["Kommunalabgabengesetz für Baden-Württemberg"]),
        new("LadÖG", "Ladenöffnungsgesetz", ["Gesetz über die Ladenöffnung in Baden-Württemberg"]),
        new("LBO", "Landesbauordnung", ["Landesbauordnung für Baden-Württemberg"]),
        new("LKatSG", "Landeskatastrophenschutzgesetz", ["Landeskatastrophenschutzgesetz Baden-Württemberg"]),
        new("LKrO", "Landkreisordnung", ["Landkreisordnung für Baden-Württemberg"]),
        new("LVG", "Landesverwaltungsgesetz", []),
        new("LVwVfG", "Landesverwaltungsverfahrensgesetz", []),
        new("LVwVG", "Landesverwaltungsvollstreckungsgesetz", []),
        new("LWaldG", "Landeswaldgesetz", []),
        new("NatSchG", "Naturschutzgesetz", []),
        new("PolG", "Polizeigesetz", []),
        new("RDG", "Rettungsdienstgesetz", ["Rettungsdienstgesetz Baden-Württemberg"]),
        new("StrG", "Straßengesetz", ["Straßengesetz für Baden-Württemberg"]),
    ];

    private static IEnumerable<BuiltInLaw> SocialCodeBooks() =>
        Roman.Select((roman, i) => new BuiltInLaw($"SGB {roman}", $"Sozialgesetzbuch {Ordinals[i]} Buch", []));
}
