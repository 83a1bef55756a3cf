using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Core.Retrieval;

/// <summary>Ranking parameters (section "Search"); the defaults were tuned with <c>wissen eval</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Candidates taken from each retriever before fusion.</summary>
    [Range(10, 5_000)]
    public int Candidates { get; set; } = 200;

    /// <summary>Reciprocal rank fusion constant k in 1 / (k + rank).</summary>
    [Range(1, 1_000)]
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of the lexical ranking in fusion.</summary>
    [Range(0, 10)]
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of the dense ranking in fusion. Low because the default MiniLM model is English: on German lay questions
    /// it finds about what textbook BM25 finds, and at weight 1 it pulled hybrid below lexical (eval on the dev file).
    /// Raise it with a German or multilingual embedding model.
    /// </summary>
    [Range(0, 10)]
    public double DenseWeight { get; set; } = 0.2;

    /// <summary>Documents read for pseudo-relevance feedback (0 turns it off).</summary>
    [Range(0, 100)]
    public int FeedbackDocuments { get; set; } = 8;

    /// <summary>Expansion terms added by pseudo-relevance feedback.</summary>
    [Range(0, 200)]
    public int FeedbackTerms { get; set; } = 20;

    /// <summary>Weight of the expansion terms relative to the original query (RM3's 1 - λ).</summary>
    [Range(0, 1)]
    public double FeedbackWeight { get; set; } = 0.3;

    /// <summary>
    /// Weight of the norm's title and heading as a field of its own: a lexical score grows by this factor times the share of
    /// the query's term weight the title holds (0 turns it off). Short staff questions often name a norm's subject.
    /// </summary>
    [Range(0, 10)]
    public double NormTitleWeight { get; set; } = 0.3;

    /// <summary>The same for the title of the law or bylaw (<c>Hundesteuersatzung Bad Boll</c>).</summary>
    [Range(0, 10)]
    public double LawTitleWeight { get; set; } = 0.3;

    /// <summary>Weight of the legal terms added for everyday words (<c>Protokoll</c> → <c>Niederschrift</c>); 0 turns it off.</summary>
    [Range(0, 1)]
    public double EverydayTermWeight { get; set; } = 0.5;

    /// <summary>
    /// Weight of the legal terms for an everyday word that no passage contains (<c>Glatteis</c>, <c>Mülltonne</c>; <see cref="EverydayTerms"/>):
    /// the word itself scores nothing, so its legal terms stand in for it at full weight, as <see cref="ThesaurusWeight"/>'s do; below
    /// <see cref="EverydayTermWeight"/> that one counts. Measured (dev sets, lexical, against 0.5): staff Hit@5 45 to 46 and Hit@10 47
    /// to 48 of 54, ragsource and GerLayQA unchanged.
    /// </summary>
    [Range(0, 1)]
    public double UnknownEverydayTermWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of the thesaurus synonyms of a short question's words that the corpus does not contain (<c>Winterdienst</c>); 0 turns
    /// it off. 1 because such a word itself scores nothing: the synonyms take its place. Measured (dev sets, lexical): staff Hit@1
    /// 41 % to 44 %, ragsource R@10 0.896 to 0.904, GerLayQA unchanged.
    /// </summary>
    [Range(0, 1)]
    public double ThesaurusWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of the two known parts of a short question's word the corpus lacks (<c>Hallennutzung</c> → <c>Halle</c>,
    /// <c>Nutzung</c>); 0 turns it off. 1 for the same reason as <see cref="ThesaurusWeight"/>. Measured (dev sets, lexical):
    /// ragsource R@1 0.604 to 0.622 and R@10 0.904 to 0.915; staff and GerLayQA unchanged (0.5: R@1 0.611).
    /// </summary>
    [Range(0, 1)]
    public double UnknownWordPartWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of the longest known last part of a short question's noun that the corpus lacks and that does not split into two
    /// known words (<c>Notunterkunft</c> → <c>Unterkunft</c>); 0 turns it off. Lower than <see cref="UnknownWordPartWeight"/>: the
    /// part names a wider kind than the word. Measured (dev sets, lexical): ragsource R@1 0.619 to 0.622 and R@10 0.919 to 0.922,
    /// staff and GerLayQA unchanged (1: the same; for every word, not only nouns: staff Hit@5 85 % to 83 %).
    /// </summary>
    [Range(0, 1)]
    public double UnknownWordTailWeight { get; set; } = 0.5;

    /// <summary>The OpenThesaurus text file (Debian package <c>openthesaurus-de-text</c>); without it, no synonyms are added.</summary>
    public string? ThesaurusFile { get; set; } = Text.Thesaurus.DebianPath;

    /// <summary>
    /// Score factor for passages of transitional and entry-into-force norms (<see cref="TransitionalNorms"/>) when the question does
    /// not ask about a transition; 1 turns it off. Measured (dev sets, lexical): staff Hit@5 72 % to 76 % at 0.4 (74 % at 0.7),
    /// ragsource and GerLayQA unchanged.
    /// </summary>
    [Range(0, 1)]
    public double TransitionalNormWeight { get; set; } = 0.4;

    /// <summary>Score factor 1 + this for passages of a law the question names without a § ("nach der GemO"); 0 turns it off.</summary>
    [Range(0, 10)]
    public double NamedLawBoost { get; set; } = 0.5;

    /// <summary>Score factor 1 + this for the Land's passages when the question names the Land ("… BW?", <see cref="NamedLand"/>); 0 turns it off.</summary>
    [Range(0, 10)]
    public double NamedLandBoost { get; set; } = 1.0;

    /// <summary>
    /// Score factor 1 + this times the share of a short question a passage holds in its own text and norm title
    /// (<see cref="QuestionCoverage"/>); 0 turns it off. Measured (dev sets, lexical, with <see cref="CompoundPartWeight"/> 0.5):
    /// staff Hit@5 80 % to 83 %, ragsource R@1 0.611 to 0.622; 0.5 and 1 gave staff more first hits and ragsource less R@1.
    /// </summary>
    [Range(0, 10)]
    public double PassageCoverageWeight { get; set; } = 0.25;

    /// <summary>
    /// Weight of a term that occurs in a short question only as a part of its compounds (<c>Wohngeldantrag</c> → <c>antrag</c>);
    /// 1 counts each part like a word of its own. Measured (dev sets, lexical): staff first hits 43 % to 46 %, Hit@10 85 % to 89 %,
    /// ragsource R@1 0.622 to 0.611 (with <see cref="PassageCoverageWeight"/> back to 0.622); applied to long questions it cost
    /// GerLayQA R@10 0.180 to 0.176.
    /// </summary>
    [Range(0, 1)]
    public double CompoundPartWeight { get; set; } = 0.5;

    /// <summary>
    /// Weight of the members of a short question's word families the index knows (<c>ehren</c> → <c>Ehrung</c>,
    /// <c>zuständig</c> → <c>Zuständigkeit</c>, "melde … an" → <c>anmelden</c>); 0 turns it off.
    /// </summary>
    [Range(0, 10)]
    public double WordFamilyWeight { get; set; } = 0.3;

    /// <summary>Queries with fewer analysed terms than this skip feedback: short queries are precise already.</summary>
    [Range(0, 1_000)]
    public int FeedbackMinQueryTerms { get; set; } = 18;

    /// <summary>
    /// Score factor 1 + this for the deployment's own law (Land, local bodies, internal guidelines) behind the first hit of a
    /// keyword question (<see cref="KeywordQuestionLaw"/>); 0 turns it off. Measured (dev sets, lexical): ragsource R@10 0.922
    /// to 0.941, R@1 unchanged (0.652); staff and GerLayQA unchanged (no staff question is this short; GerLayQA is BGB only).
    /// </summary>
    [Range(0, 10)]
    public double KeywordOwnLawBoost { get; set; } = 1.0;

    /// <summary>Questions of at most this many analysed terms are keyword questions for <see cref="KeywordOwnLawBoost"/>.</summary>
    [Range(0, 100)]
    public int KeywordQuestionMaxTerms { get; set; } = 4;
}
