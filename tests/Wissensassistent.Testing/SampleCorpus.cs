using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>
/// A small corpus built in code, with the cases stores and retrieval must handle: a federal law with Absätze and a
/// repealed norm (BauGB), a state law split over two files with § 24 spanning both (GemO), a municipal bylaw in
/// force since 2024 (Hundesteuersatzung) and an expired internal instruction with numbered items.
/// </summary>
public static class SampleCorpus
{
    private static readonly string[] BauGBHeadings =
    [
        "Erstes Kapitel Allgemeines Städtebaurecht",
        "Dritter Teil Regelung der baulichen und sonstigen Nutzung; Entschädigung",
        "Erster Abschnitt Zulässigkeit von Vorhaben",
    ];

    private static readonly string[] GemOHeadings = ["Zweiter Teil Verfassung und Verwaltung der Gemeinde"];

    public static SourceDocument BauGB { get; } = new()
    {
        Id = "bund/bbaug.md",
        Law = "BauGB",
        Title = "Baugesetzbuch",
        Aliases = ["BBauG"],
        Level = Level.Bund,
        Type = DocumentType.Gesetz,
        Stand = "Art. 2 G v. 8.8.2020 I 1728",
        ContentHash = ChunkId.ContentHash("bund/bbaug.md"),
    };

    /// <summary>First file of the GemO; ends with § 24 Abs. 1 and 2.</summary>
    public static SourceDocument GemOTeil1 { get; } = new()
    {
        Id = "land-bw/GemO-BW_TEIL-2_ABSCHNITT-1_Organe-der-Gemeinde.md",
        Law = "GemO",
        Title = "Gemeindeordnung für Baden-Württemberg",
        Aliases = ["Gemeindeordnung"],
        Level = Level.Land,
        Type = DocumentType.Gesetz,
        Stand = "zuletzt geändert durch Artikel 13 des Gesetzes vom 18. November 2025",
        ValidFrom = new DateOnly(2000, 7, 24),
        Issuer = "Land Baden-Württemberg",
        ContentHash = ChunkId.ContentHash("land-bw/GemO-BW_TEIL-2_ABSCHNITT-1"),
    };

    /// <summary>Second file of the GemO; starts with § 24 Abs. 3 and 4.</summary>
    public static SourceDocument GemOTeil2 { get; } = GemOTeil1 with
    {
        Id = "land-bw/GemO-BW_TEIL-2_ABSCHNITT-2_Gemeinderat.md",
        ContentHash = ChunkId.ContentHash("land-bw/GemO-BW_TEIL-2_ABSCHNITT-2"),
    };

    public static SourceDocument Hundesteuersatzung { get; } = new()
    {
        Id = "kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md",
        Law = "Hundesteuersatzung Bad Boll",
        Title = "Satzung über die Erhebung der Hundesteuer (Hundesteuersatzung)",
        Level = Level.Kommune,
        Type = DocumentType.Satzung,
        Stand = "Januar 2025",
        ValidFrom = new DateOnly(2024, 1, 1),
        Issuer = "Gemeinde Bad Boll",
        ContentHash = ChunkId.ContentHash("kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md"),
    };

    /// <summary>An internal instruction that expired at the end of 2022.</summary>
    public static SourceDocument DienstanweisungKasse { get; } = new()
    {
        Id = "kommune/GEM-BBO/BBO_Dienstanweisung_Gemeindekasse.md",
        Law = "Dienstanweisung Gemeindekasse Bad Boll",
        Title = "Dienstanweisung für die Gemeindekasse",
        Level = Level.Intern,
        Type = DocumentType.Dienstanweisung,
        ValidFrom = new DateOnly(2015, 1, 1),
        ValidUntil = new DateOnly(2022, 12, 31),
        Issuer = "Gemeinde Bad Boll",
        ContentHash = ChunkId.ContentHash("kommune/GEM-BBO/BBO_Dienstanweisung_Gemeindekasse.md"),
    };

    public static DocumentBatch BauGBBatch { get; } = new(BauGB,
    [
        CreateChunk(BauGB, Paragraph("BauGB", "13a", "1"), 0,
            "Ein Bebauungsplan für die Wiedernutzbarmachung von Flächen, die Nachverdichtung oder andere Maßnahmen der Innenentwicklung (Bebauungsplan der Innenentwicklung) kann im beschleunigten Verfahren aufgestellt werden.",
            "Bebauungspläne der Innenentwicklung", ["Erstes Kapitel Allgemeines Städtebaurecht", "Erster Teil Bauleitplanung"]),
        CreateChunk(BauGB, Paragraph("BauGB", "20"), 1, "(weggefallen)", null, ["Erstes Kapitel Allgemeines Städtebaurecht"], isRepealed: true),
        CreateChunk(BauGB, Paragraph("BauGB", "34", "1"), 2,
            "Innerhalb der im Zusammenhang bebauten Ortsteile ist ein Vorhaben zulässig, wenn es sich nach Art und Maß der baulichen Nutzung, der Bauweise und der Grundstücksfläche, die überbaut werden soll, in die Eigenart der näheren Umgebung einfügt und die Erschließung gesichert ist. Die Anforderungen an gesunde Wohn- und Arbeitsverhältnisse müssen gewahrt bleiben; das Ortsbild darf nicht beeinträchtigt werden.",
            "Zulässigkeit von Vorhaben innerhalb der im Zusammenhang bebauten Ortsteile", BauGBHeadings),
        CreateChunk(BauGB, Paragraph("BauGB", "35", "1"), 3,
            "Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen, die ausreichende Erschließung gesichert ist und wenn es 1. einem land- oder forstwirtschaftlichen Betrieb dient und nur einen untergeordneten Teil der Betriebsfläche einnimmt, 2. einem Betrieb der gartenbaulichen Erzeugung dient.",
            "Bauen im Außenbereich", BauGBHeadings),
        CreateChunk(BauGB, Paragraph("BauGB", "35", "2"), 4,
            "Sonstige Vorhaben können im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt und die Erschließung gesichert ist.",
            "Bauen im Außenbereich", BauGBHeadings),
        CreateChunk(BauGB, Paragraph("BauGB", "35", "3"), 5,
            "Eine Beeinträchtigung öffentlicher Belange liegt insbesondere vor, wenn das Vorhaben den Darstellungen des Flächennutzungsplans widerspricht, schädliche Umwelteinwirkungen hervorrufen kann oder die natürliche Eigenart der Landschaft beeinträchtigt.",
            "Bauen im Außenbereich", BauGBHeadings),
        CreateChunk(BauGB, Paragraph("BauGB", "36", "1"), 6,
            "Über die Zulässigkeit von Vorhaben nach den §§ 31, 33 bis 35 wird im bauaufsichtlichen Verfahren von der Baugenehmigungsbehörde im Einvernehmen mit der Gemeinde entschieden.",
            "Beteiligung der Gemeinde und der höheren Verwaltungsbehörde", BauGBHeadings),
    ]);

    public static DocumentBatch GemOTeil1Batch { get; } = new(GemOTeil1,
    [
        CreateChunk(GemOTeil1, Paragraph("GemO", "23"), 0,
            "Verwaltungsorgane der Gemeinde sind der Gemeinderat und der Bürgermeister.",
            "Verwaltungsorgane", GemOHeadings),
        CreateChunk(GemOTeil1, Paragraph("GemO", "24", "1"), 1,
            "Der Gemeinderat ist die Vertretung der Bürger und das Hauptorgan der Gemeinde. Er legt die Grundsätze für die Verwaltung der Gemeinde fest und entscheidet über alle Angelegenheiten der Gemeinde, soweit nicht der Bürgermeister kraft Gesetzes zuständig ist.",
            "Rechtsstellung und Aufgaben", GemOHeadings),
        CreateChunk(GemOTeil1, Paragraph("GemO", "24", "2"), 2,
            "Der Gemeinderat entscheidet im Einvernehmen mit dem Bürgermeister über die Ernennung, Einstellung und Entlassung der Gemeindebediensteten.",
            "Rechtsstellung und Aufgaben", GemOHeadings),
    ]);

    public static DocumentBatch GemOTeil2Batch { get; } = new(GemOTeil2,
    [
        CreateChunk(GemOTeil2, Paragraph("GemO", "24", "3"), 0,
            "Eine Fraktion oder ein Sechstel der Gemeinderäte kann in allen Angelegenheiten der Gemeinde und ihrer Verwaltung verlangen, dass der Bürgermeister den Gemeinderat unterrichtet.",
            "Rechtsstellung und Aufgaben", GemOHeadings),
        CreateChunk(GemOTeil2, Paragraph("GemO", "24", "4"), 1,
            "Jeder Gemeinderat kann an den Bürgermeister schriftliche, elektronische oder in einer Sitzung des Gemeinderats mündliche Anfragen über einzelne Angelegenheiten richten, die binnen angemessener Frist zu beantworten sind.",
            "Rechtsstellung und Aufgaben", GemOHeadings),
        CreateChunk(GemOTeil2, Paragraph("GemO", "25", "1"), 2,
            "Der Gemeinderat besteht aus dem Bürgermeister als Vorsitzendem und den ehrenamtlichen Mitgliedern (Gemeinderäte). In Städten führen die Gemeinderäte die Bezeichnung Stadtrat.",
            "Zusammensetzung", GemOHeadings),
    ]);

    public static DocumentBatch HundesteuersatzungBatch { get; } = new(Hundesteuersatzung,
    [
        CreateChunk(Hundesteuersatzung, Paragraph("Hundesteuersatzung Bad Boll", "1", "1"), 0,
            "Die Gemeinde erhebt die Hundesteuer nach dieser Satzung.",
            "Steuergegenstand", []),
        CreateChunk(Hundesteuersatzung, Paragraph("Hundesteuersatzung Bad Boll", "1", "2"), 1,
            "Der Steuer unterliegt das Halten von Hunden durch natürliche Personen im Gemeindegebiet, soweit es nicht ausschließlich der Erzielung von Einnahmen dient.",
            "Steuergegenstand", []),
        CreateChunk(Hundesteuersatzung, Paragraph("Hundesteuersatzung Bad Boll", "5", "1"), 2,
            "Die Steuer beträgt im Kalenderjahr für jeden Hund 120 Euro. Für Kampfhunde beträgt sie 600 Euro.",
            "Steuersatz", []),
    ]);

    public static DocumentBatch DienstanweisungKasseBatch { get; } = new(DienstanweisungKasse,
    [
        CreateChunk(DienstanweisungKasse, new Citation("Dienstanweisung Gemeindekasse Bad Boll", NormKind.Item, "2.1"), 0,
            "Barzahlungen an der Gemeindekasse sind nur bis zu einem Betrag von 1.000 Euro anzunehmen; höhere Beträge sind unbar auf ein Konto der Gemeinde zu leisten.",
            "Barzahlungen", ["2 Zahlungsverkehr"]),
        CreateChunk(DienstanweisungKasse, new Citation("Dienstanweisung Gemeindekasse Bad Boll", NormKind.Item, "2.2"), 1,
            "Über jede Barzahlung ist eine Quittung mit fortlaufender Nummer auszustellen.",
            "Quittungen", ["2 Zahlungsverkehr"]),
    ]);

    /// <summary>All five documents, 18 chunks, 12 norms of 4 laws.</summary>
    public static IReadOnlyList<DocumentBatch> All { get; } =
        [BauGBBatch, GemOTeil1Batch, GemOTeil2Batch, HundesteuersatzungBatch, DienstanweisungKasseBatch];

    public static IEnumerable<Chunk> AllChunks => All.SelectMany(batch => batch.Chunks);

    public static Chunk ChunkOf(DocumentBatch batch, string section, string? absatz = null) =>
        batch.Chunks.Single(chunk => chunk.Citation.Section == section && chunk.Citation.Absatz == absatz);

    public static Citation Paragraph(string law, string section, string? absatz = null) =>
        new(law, NormKind.Paragraph, section, absatz);

    /// <summary>
    /// A chunk as ingestion would make it: heading path law › headings › norm heading, deterministic id, content
    /// hash of the search text, document metadata copied in.
    /// </summary>
    public static Chunk CreateChunk(
        SourceDocument document,
        Citation citation,
        int ordinal,
        string text,
        string? normTitle,
        IReadOnlyList<string> headings,
        bool isRepealed = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(headings);
        var normHeading = citation.Kind switch
        {
            NormKind.Paragraph => "§ " + citation.Section,
            NormKind.Article => "Art. " + citation.Section,
            _ => citation.Section,
        };
        if (normTitle is not null)
        {
            normHeading += " " + normTitle;
        }

        var chunk = new Chunk
        {
            Id = ChunkId.For(document.Id, citation, ordinal),
            DocumentId = document.Id,
            Citation = citation,
            HeadingPath = [document.Law, .. headings, normHeading],
            NormTitle = normTitle,
            Text = text,
            Ordinal = ordinal,
            IsRepealed = isRepealed,
            LawTitle = document.Title,
            Level = document.Level,
            DocumentType = document.Type,
            Stand = document.Stand,
            ValidFrom = document.ValidFrom,
            ValidUntil = document.ValidUntil,
            AccessGroups = document.AccessGroups,
            ContentHash = string.Empty,
        };
        return chunk with { ContentHash = ChunkId.ContentHash(chunk.SearchText) };
    }
}
