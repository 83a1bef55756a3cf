using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;

namespace Wissensassistent.Core.Tests;

internal static class SampleAnswers
{
    public static Chunk Chunk(string law, string section, string? absatz, string text, NormKind kind = NormKind.Paragraph, string? stand = "Art. 2 G v. 8.8.2020 I 1728") => new()
    {
        Id = $"{law}-{section}-{absatz}",
        DocumentId = $"bund/{law.ToLowerInvariant()}.md",
        Citation = new Citation(law, kind, section, absatz),
        HeadingPath = [law, $"§ {section}"],
        NormTitle = "Bauen im Außenbereich",
        Text = text,
        Ordinal = 0,
        LawTitle = "Baugesetzbuch",
        Level = Level.Bund,
        DocumentType = DocumentType.Gesetz,
        Stand = stand,
        ContentHash = "hash",
    };

    public static Answer Answer(string text, params AnswerCitation[] citations) =>
        new("Wann ist ein Vorhaben im Außenbereich zulässig?", AnswerMode.Generative, text, false, citations, VerificationReport.Empty, []);
}
