using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Tests.Fakes;

public static class SampleData
{
    public const string Stand = "Art. 2 G v. 8.8.2020 I 1728";

    public static Chunk Chunk(string section, string? absatz, string text, int ordinal, string law = "BauGB", string? title = "Bauen im Außenbereich") => new()
    {
        Id = $"{law}-{section}-{absatz ?? "0"}",
        DocumentId = "bund/bbaug.md",
        Citation = new Citation(law, NormKind.Paragraph, section, absatz),
        HeadingPath = [law, "Erstes Kapitel", $"§ {section} {title}"],
        NormTitle = title,
        Text = text,
        Ordinal = ordinal,
        LawTitle = "Baugesetzbuch",
        Level = Level.Bund,
        DocumentType = DocumentType.Gesetz,
        Stand = Stand,
        ContentHash = "hash-" + ordinal,
    };

    public static readonly Chunk Paragraph34 = Chunk("34", "1", "(1) Innerhalb der im Zusammenhang bebauten Ortsteile ist ein Vorhaben zulässig, wenn es sich einfügt.", 0, title: "Zulässigkeit von Vorhaben innerhalb der im Zusammenhang bebauten Ortsteile");

    public static readonly Chunk Paragraph35Absatz1 = Chunk("35", "1", "(1) Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen und die ausreichende Erschließung gesichert ist.", 1);

    public static readonly Chunk Paragraph35Absatz2 = Chunk("35", "2", "(2) Sonstige Vorhaben können im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt.", 2);

    public static readonly Chunk Paragraph36 = Chunk("36", "1", "(1) Über die Zulässigkeit von Vorhaben wird im bauaufsichtlichen Verfahren im Einvernehmen mit der Gemeinde entschieden.", 3, title: "Beteiligung der Gemeinde");

    public static IReadOnlyList<Chunk> BauGB => [Paragraph34, Paragraph35Absatz1, Paragraph35Absatz2, Paragraph36];

    public static LawInfo BauGBInfo => new("BauGB", "Baugesetzbuch", ["BBauG"], Level.Bund, DocumentType.Gesetz, Stand, 4);

    public static AnswerCitation Cited(int marker = 1, bool verified = true, params string[] quotes) =>
        new(marker, Paragraph35Absatz1, verified, quotes.Length == 0 ? ["öffentliche Belange nicht entgegenstehen"] : quotes);

    public static Answer Answer(string question, string text, params AnswerCitation[] citations) =>
        new(question, AnswerMode.Generative, text, false, citations, VerificationReport.Empty, []);
}
