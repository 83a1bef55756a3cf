using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Wissensassistent.Web.OpenInterfaces.Contracts;

namespace Wissensassistent.Web.OpenInterfaces.Mcp;

/// <summary>
/// The MCP tools at <c>/mcp</c>: search, exact norm lookup, verified answers and the citation check of a text over the corpus. Results are structured
/// content (with an output schema) and the same JSON as text, for clients that read only text.
/// </summary>
[McpServerToolType]
public sealed class NormTools(OpenInterfaceQueries queries)
{
    [McpServerTool(Name = "search_norms", Title = "Normen suchen / search norms", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Sucht Passagen in Bundes-, Landes- und Ortsrecht (Gesetze, Verordnungen, Satzungen, Richtlinien) zu einer Frage oder Fundstelle. Eine genannte Norm („§ 35 BauGB“) kommt zuerst. Jede Passage ist wörtlich, mit Fundstelle, Stand und Quelle.
        Searches passages of German federal, state and municipal law for a question or a citation; a named norm ranks first. Each passage is verbatim, with its citation, Stand (legal state) and source.
        """)]
    public async Task<SearchView> SearchNormsAsync(
        [Description("Frage oder Fundstelle auf Deutsch / question or citation in German, e.g. „Bauen im Außenbereich“, „§ 35 BauGB“")] string query,
        [Description("Nur diese Gesetze (Abkürzungen, kommagetrennt) / only these laws, comma-separated: „BauGB,LBO“")] string? law = null,
        [Description("Ebene / level: Bund, Land, Kommune, Intern (kommagetrennt / comma-separated)")] string? level = null,
        [Description("Dokumenttyp / document type: Gesetz, Verordnung, Satzung, Richtlinie, Dienstanweisung, Verwaltungsvorschrift, …")] string? type = null,
        [Description("Nur an diesem Tag geltende Texte / only texts in force on this day: 2025-01-31")] string? date = null,
        [Description("Anzahl der Treffer / number of hits (1–50, Standard / default 10)")] int top = OpenInterfaceQueries.DefaultTop,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await queries.SearchAsync(query, InterfaceFilter.Create(law, level, type, date), top, cancellationToken);
        }
        catch (InterfaceInputException invalid)
        {
            throw new McpException(invalid.Message);
        }
    }

    [McpServerTool(Name = "get_norm", Title = "Norm abrufen / get a norm", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Liefert genau die zitierte Stelle (Norm, Absatz, Nummer) wörtlich, mit Stand, Quelle und ob sie weggefallen ist. Unbekannte Fundstellen bekommen eine Begründung und die nächstgelegenen Normen; nichts wird erfunden.
        Returns exactly the cited passage (norm, Absatz, Nummer) verbatim, with Stand, source and whether it is repealed ("weggefallen"). Unknown citations get a reason and the nearest existing norms; nothing is invented.
        """)]
    public async Task<NormLookupView> GetNormAsync(
        [Description("Fundstelle / citation: „§ 35 Abs. 1 BauGB“, „Art. 20 GG“, „§ 24 GemO“, „35 baugb“")] string citation,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await queries.LookupAsync(citation, cancellationToken);
        }
        catch (InterfaceInputException invalid)
        {
            throw new McpException(invalid.Message);
        }
    }

    [McpServerTool(Name = "answer_question", Title = "Frage beantworten / answer a question", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Beantwortet eine Frage nur aus dem Bestand: Marker [n] im Text verweisen auf die zitierten Passagen, jedes Zitat ist wörtlich geprüft („checks“). Findet sich nichts Einschlägiges, sagt die Antwort das („refused“) und nennt die nächstgelegenen Normen.
        Answers a question from the corpus only: markers [n] in the text point to the cited passages, every quotation is verified verbatim ("checks"). When nothing relevant is found the answer says so ("refused") and names the nearest norms.
        """)]
    public async Task<AnswerView> AnswerQuestionAsync(
        [Description("Die Frage auf Deutsch / the question in German")] string question,
        [Description("Nur diese Gesetze (kommagetrennt) / only these laws, comma-separated")] string? law = null,
        [Description("Ebene / level: Bund, Land, Kommune, Intern")] string? level = null,
        [Description("Dokumenttyp / document type")] string? type = null,
        [Description("Nur an diesem Tag geltende Texte / only texts in force on this day: 2025-01-31")] string? date = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await queries.AnswerAsync(question, null, InterfaceFilter.Create(law, level, type, date), cancellationToken);
        }
        catch (InterfaceInputException invalid)
        {
            throw new McpException(invalid.Message);
        }
    }

    [McpServerTool(Name = "check_citations", Title = "Zitate prüfen / check citations", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("""
        Prüft die Fundstellen eines Textes (Bescheid, Vermerk, Beschlussvorlage, Antwort eines Sprachmodells): jede Fundstelle wird im Bestand nachgeschlagen (wörtliche Stelle, Stand, Quelle; nicht gefunden mit den nächstgelegenen Normen; weggefallen; verdrängt, etwa VwVfG statt LVwVfG), jedes Zitat („…“) wörtlich mit der zitierten Stelle verglichen, Abweichungen mit den geänderten Wörtern. Der Text wird nicht gespeichert.
        Checks the citations of a text (a decision, a memo, a model's answer): each citation is looked up in the corpus (verbatim passage, Stand, source; not found with the nearest norms; repealed; displaced, e.g. the federal VwVfG where the state LVwVfG governs), each quotation is compared verbatim with the cited passage, altered ones with the changed words. The text is not stored.
        """)]
    public async Task<CitationCheckView> CheckCitationsAsync(
        [Description("Der zu prüfende Text auf Deutsch, höchstens 200 000 Zeichen / the German text to check, at most 200,000 characters")] string text,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await queries.CheckCitationsAsync(text, cancellationToken);
        }
        catch (InterfaceInputException invalid)
        {
            throw new McpException(invalid.Message);
        }
    }
}
