using System.Globalization;
using System.Text;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Writes one answer as a Markdown file note (Vermerk) a clerk can paste: question, answer, and every citation
/// with its verbatim passage, Stand and source.
/// </summary>
public static class AnswerMarkdownExporter
{
    public const string ExtractiveNotice = "Extraktive Antwort – ohne Sprachmodell zusammengestellt.";

    /// <param name="references">The checked targets of the cited passages' references: listed under each passage, as links
    /// into <paramref name="baseAddress"/>'s norm view where held, marked where not. The quotation itself stays verbatim.</param>
    public static string Export(Answer answer, DateTimeOffset? answeredAt = null, IReadOnlyDictionary<Citation, ReferenceTarget>? references = null, Uri? baseAddress = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var md = new StringBuilder();
        md.Append("# Vermerk: Auskunft des Wissensassistenten\n\n");
        if (answeredAt is { } at)
        {
            md.Append("Erstellt am ").Append(at.ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.InvariantCulture)).Append("\n\n");
        }

        md.Append("## Frage\n\n");
        AppendQuoted(md, answer.Question);
        md.Append('\n');

        md.Append("## Antwort\n\n");
        if (answer.Mode == AnswerMode.Extractive)
        {
            md.Append("*Hinweis: ").Append(ExtractiveNotice).Append("*\n\n");
        }

        if (answer.Refused)
        {
            md.Append("*Hinweis: Im Bestand wurde keine tragfähige Grundlage für eine Antwort gefunden.*\n\n");
        }

        md.Append(answer.Text.Trim()).Append("\n\n");

        if (answer.Citations.Count > 0)
        {
            md.Append("## Fundstellen\n\n");
            foreach (var citation in answer.Citations.OrderBy(c => c.Marker))
            {
                AppendCitation(md, citation, references, baseAddress);
            }
        }

        var issues = answer.Checks.Issues;
        if (issues.Count > 0)
        {
            md.Append("## Prüfhinweise\n\n");
            foreach (var issue in issues)
            {
                md.Append("- ").Append(OneLine(issue)).Append('\n');
            }

            md.Append('\n');
        }

        md.Append("---\n\n*Automatisch erstellte Auskunft. Maßgeblich ist der Wortlaut der zitierten Vorschriften; bitte vor Verwendung prüfen.*\n");
        return md.ToString();
    }

    private static void AppendCitation(StringBuilder md, AnswerCitation citation, IReadOnlyDictionary<Citation, ReferenceTarget>? references, Uri? baseAddress)
    {
        var chunk = citation.Chunk;
        md.Append("### [").Append(citation.Marker).Append("] ").Append(CitationFormatter.Format(chunk.Citation));
        if (!string.IsNullOrWhiteSpace(chunk.NormTitle))
        {
            md.Append(" – ").Append(OneLine(chunk.NormTitle));
        }

        md.Append("\n\n");
        md.Append("- Gesetz/Dokument: ").Append(OneLine(chunk.LawTitle)).Append('\n');
        md.Append("- Stand: ").Append(string.IsNullOrWhiteSpace(chunk.Stand) ? "nicht angegeben" : OneLine(chunk.Stand)).Append('\n');
        md.Append("- Quelle: ").Append(chunk.DocumentId).Append('\n');
        md.Append("- Prüfung: ").Append(citation.Verified ? "Zitat im Wortlaut belegt" : "Zitat nicht belegt – bitte selbst prüfen").Append('\n');
        AppendReferences(md, chunk.References, references, baseAddress);
        md.Append('\n');
        AppendQuoted(md, chunk.Text);
        md.Append('\n');
    }

    /// <summary>"- Verweise: [§ 34 Abs. 1 BauGB](…/norm/BauGB/34?abs=1), § 5 WaffG (Gesetz nicht im Bestand)".</summary>
    private static void AppendReferences(StringBuilder md, IReadOnlyList<CrossReference> cited, IReadOnlyDictionary<Citation, ReferenceTarget>? checkedTargets, Uri? baseAddress)
    {
        var targets = cited.Select(r => r.Target).Distinct().Select(t => checkedTargets is not null && checkedTargets.TryGetValue(t, out var found) ? found : null).OfType<ReferenceTarget>().ToList();
        if (targets.Count == 0)
        {
            return;
        }

        md.Append("- Verweise: ").AppendJoin(", ", targets.Select(t =>
        {
            var text = CitationFormatter.Format(t.Target).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
            return t.Outcome switch
            {
                ReferenceOutcome.Resolved when baseAddress is not null && t.Href is { } href => $"[{text}]({new Uri(baseAddress, href).AbsoluteUri})",
                ReferenceOutcome.Resolved => text,
                ReferenceOutcome.Repealed => text + " (weggefallen)",
                ReferenceOutcome.NormOutsideCorpus => text + " (nicht im Bestand)",
                _ => text + " (Gesetz nicht im Bestand)",
            };
        })).Append('\n');
    }

    private static void AppendQuoted(StringBuilder md, string text)
    {
        foreach (var line in text.Trim().ReplaceLineEndings("\n").Split('\n'))
        {
            md.Append('>');
            if (line.Length > 0)
            {
                md.Append(' ').Append(line);
            }

            md.Append('\n');
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
