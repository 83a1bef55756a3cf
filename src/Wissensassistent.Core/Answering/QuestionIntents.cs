using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Answering;

/// <summary>
/// Reads the intent of a German question and tells which sentences state the asked fact: for an amount a figure with its
/// unit, for a deadline a time span, for competence a body that decides, for permission a "bedarf"/"darf"/"ist verpflichtet".
/// Word lists are general German legal vocabulary, not words of particular questions.
/// </summary>
public static partial class QuestionIntents
{
    public static QuestionIntent Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var intent = QuestionIntent.None;
        if (AmountQuestion().Matches(question).Any(match => !IsQualifierOfAskedTime(question, match.Value)))
        {
            intent |= QuestionIntent.Amount;
            if (MoneyQuestion().IsMatch(question))
            {
                intent |= QuestionIntent.Money;
            }
        }

        // "Bekommen sie die Fahrtkosten erstattet?" asks whether, not how much: the conditions answer it, not a sum.
        if (intent.HasFlag(QuestionIntent.Amount) && !AskedAmount().IsMatch(question) && !MoneyVerb().IsMatch(question) && QuestionTerms.AsksYesOrNo(question))
        {
            intent = (intent & ~(QuestionIntent.Amount | QuestionIntent.Money)) | QuestionIntent.Permission;
        }

        if (TimeQuestion().IsMatch(question))
        {
            intent |= QuestionIntent.Time;
        }

        if (CompetenceQuestion().IsMatch(question))
        {
            intent |= QuestionIntent.Competence;

            // "Wer muss die Hundesteuer zahlen?" asks for the one who pays, not for the sum, unless it asks for that too.
            if (WhoQuestion().IsMatch(question) && !AskedAmount().IsMatch(question))
            {
                intent &= ~(QuestionIntent.Amount | QuestionIntent.Money);
            }
        }

        if (PermissionQuestion().IsMatch(question))
        {
            intent |= QuestionIntent.Permission;
        }

        if (ProcedureQuestion().IsMatch(question))
        {
            intent |= QuestionIntent.Procedure;
        }

        return intent;
    }

    /// <summary>
    /// "mindestens"/"höchstens" qualify whatever figure is asked: in "Wie lange muss … mindestens …" a time span, so a
    /// length or an amount would not answer it.
    /// </summary>
    private static bool IsQualifierOfAskedTime(string question, string word) =>
        (word.Equals("mindestens", StringComparison.OrdinalIgnoreCase) || word.Equals("höchstens", StringComparison.OrdinalIgnoreCase))
        && AskedTime().IsMatch(question)
        && !AskedAmount().IsMatch(question);

    /// <summary>
    /// The figures a question asks for outright ("Wie hoch …", "Wie viele …", "Was kostet …", "Bis wann …", "Wie lange …",
    /// "Ab welchem Alter …"): a question that only names costs or a deadline ("Kosten?", "Frist Widerspruch?") may be
    /// answered by who bears them or what starts them, so it asks for none. These are what the refusal gate checks.
    /// </summary>
    public static QuestionIntent AskedFigure(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return (AskedAmount().IsMatch(question) ? QuestionIntent.Amount : QuestionIntent.None)
            | (AskedTime().IsMatch(question) ? QuestionIntent.Time : QuestionIntent.None);
    }

    /// <summary>
    /// How strongly the sentence states an asked fact: 1 for a figure (an amount with its unit, a count of something, a
    /// time span, a clock time, a date, an age), 0.5 for a word that points to a time without one ("unverzüglich",
    /// "Frist"), and for competence, permission or procedure (their words are common), 0 when it states none or the
    /// question asks for none.
    /// </summary>
    public static double FactsStated(QuestionIntent intent, string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (StatesFigure(intent, sentence))
        {
            return 1;
        }

        return (intent.HasFlag(QuestionIntent.Time) && TimeWord().IsMatch(sentence))
            || (intent.HasFlag(QuestionIntent.Competence) && CompetenceFact().IsMatch(sentence))
            || (intent.HasFlag(QuestionIntent.Permission) && PermissionFact().IsMatch(sentence))
            || (intent.HasFlag(QuestionIntent.Procedure) && ProcedureFact().IsMatch(sentence))
            ? 0.5
            : 0;
    }

    /// <summary>True when the text states a figure of the asked kind: for an amount a number with its unit or of something
    /// counted ("5 vom Hundert", "zwei Mitglieder", "die Hälfte"), for a time a span, a clock time, a date or an age.</summary>
    public static bool StatesFigure(QuestionIntent intent, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A sum of money is stated in euros or a rate; a majority or a count of members ("mit der Mehrheit der Stimmen")
        // answers "wie viele", not "was bekommt er".
        var amount = intent.HasFlag(QuestionIntent.Money)
            ? MoneyFact().IsMatch(text)
            : AmountFact().IsMatch(text) || CountedThing().IsMatch(text);
        return (intent.HasFlag(QuestionIntent.Amount) && amount)
            || (intent.HasFlag(QuestionIntent.Time) && TimeFact().IsMatch(text));
    }

    /// <summary>
    /// Stems of units, numbers and measure words ("Meter", "drei", "hoch", "lange"): in a question they say which figure is
    /// asked, not what it is about, so they are no evidence that a sentence with a figure is about the question's matter.
    /// </summary>
    public static bool IsFigureWord(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        return FigureWord().IsMatch(stem);
    }

    /// <summary>
    /// True when a norm's heading names the kind of figure asked: "§ 5 Steuersatz", "Gebühren", "Höhe der Entschädigung" for
    /// an amount, "Fristen", "Dauer", "Ruhezeiten" for a time. Such a norm states the figure for the ordinary case; another
    /// norm that happens to name a figure ("Gebühr für eine Ersatzmarke") answers a side question.
    /// </summary>
    public static bool HeadingNamesAsked(QuestionIntent intent, string? heading)
    {
        if (string.IsNullOrWhiteSpace(heading))
        {
            return false;
        }

        return (intent.HasFlag(QuestionIntent.Amount) && AmountHeading().IsMatch(heading))
            || (intent.HasFlag(QuestionIntent.Time) && TimeHeading().IsMatch(heading));
    }

    /// <summary>
    /// A sentence that leaves the matter to another text ("Durch eine besondere Satzung werden geregelt … 6. Wer den
    /// Erschließungsbeitrag schuldet", "Das Nähere regelt die Satzung"): it repeats the question's words and answers none.
    /// </summary>
    public static bool DelegatesTheMatter(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return Delegation().IsMatch(sentence);
    }

    /// <summary>A sentence that states an exception to a rule ("abweichend von Satz 1", "es sei denn"): the rule comes first.</summary>
    public static bool StatesException(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return ExceptionFact().IsMatch(sentence);
    }

    /// <summary>A sentence that states a condition, an exception or who is competent: what may follow the direct answer.</summary>
    public static bool StatesCondition(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return ConditionFact().IsMatch(sentence);
    }

    [GeneratedRegex(@"\b(?:wie\s+hoch|(?:wie\s*viele?|wieviele?)(?!\s+(?:Zeit|Tage|Wochen|Monate|Jahre|Stunden))|was\s+kostet|was\s+kosten|kostet|kosten|gebühre?n?|beträgt|betrag|höhe|steuersatz|zuschlag|entschädigung|erstattet|zahlen|verlangen|abführen|wie\s+groß|wie\s+weit|wie\s+oft|menge|mindestens|höchstens)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountQuestion();

    /// <summary>Words of a question about money: what is paid, charged or refunded.</summary>
    [GeneratedRegex(@"\b(?:was\s+kostet|was\s+kosten|kostet|kosten\w*|gebühr\w*|\w+gebühr\w*|entschädigung\w*|\w+entschädigung\w*|erstatt\w*|zahl(?:en|t|e)|bezahl\w*|euro|geld\w*|preis\w*|vergütung\w*|zuschuss\w*|beitrag|beiträge|\w+steuer|steuer|steuersatz|entgelt\w*|miete)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyQuestion();

    /// <summary>
    /// A sum of money or a rate: a number with its currency or percent sign, or a number word with it; or a multiple or share
    /// of another sum ("beträgt das zweifache des Steuersatzes", "die Hälfte der Gebühr").
    /// </summary>
    [GeneratedRegex(@"\b(?:das|den|dem)\s+(?:zwei|drei|vier|fünf|sechs|zehn|doppelt|anderthalb)fache[nr]?\b|\bdas\s+Doppelte\b|\b(?:die|der)\s+Hälfte\s+(?:des|der)\b|\d[\d.,]*\s*(?:€|Euro|EUR|%|Prozent|v\.\s?H\.|vom\s+Hundert)|\b(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|fünfzig|hundert|tausend)\w*\s+(?:Euro|vom\s+Hundert|Prozent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyFact();

    [GeneratedRegex(@"\b(?:bis\s+wann|ab\s+wann|seit\s+wann|wie\s+lange|wie\s+früh|wie\s+schnell|wie\s+viel\s+zeit|\w*frist\w*|zeitraum|dauer|dauert|uhrzeit\w*|ruhezeit\w*|öffnungszeit\w*|verjähr\w*|aufbewahr\w*|spätestens|rechtzeitig|vorher|welchem\s+alter|ab\s+welchem|wie\s+oft)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeQuestion();

    /// <summary>A yes/no question about what something costs ("Kostet das etwas?") still asks for the sum.</summary>
    [GeneratedRegex(@"^\s*(?:kostet|kosten)\b|\b(?:wie\s+viel|wieviel)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyVerb();

    [GeneratedRegex(@"\b(?:wer|wem|wen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhoQuestion();

    [GeneratedRegex(@"\b(?:wer|wem|zuständig\w*|entscheidet|welche\s+behörde|macht\s+das|stellt\w*\s+auf)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompetenceQuestion();

    [GeneratedRegex(@"\b(?:darf|dürfen|darfst|durft\w*|dürft\w*|muss|müssen|musst\w*|müsst\w*|brauch\w*|benötig\w*|genehmigung\w*|erlaubnis\w*|erlaubt|zulässig|pflicht\w*|verpflichtet|verboten|kann|können|geht\s+das|bauantrag|anmelden|erforderlich)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PermissionQuestion();

    [GeneratedRegex(@"\b(?:wie\s+(?:beantrag\w*|muss|müssen|geht|läuft|melde\w*)|welche\s+unterlagen|vorlegen|antrag|form|schriftlich|verfahren|was\s+muss|was\s+braucht)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureQuestion();

    [GeneratedRegex(@"\d[\d.,]*\s*(?:€|Euro|EUR|%|Prozent|v\.\s?H\.|vom\s+Hundert|m²|m2|m³|Quadratmeter|Kubikmeter|Meter|Kilogramm|kg|dB)|\b(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|fünfzig|hundert|tausend)\w*\s+(?:Euro|vom\s+Hundert|Prozent)|\b\d+(?:[.,]\d+)?\s+(?:Einwohner\w*|Unterschriften|Wohnungen|Angelegenheiten|Personen|Mitglieder\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountFact();

    [GeneratedRegex(@"\b(?:\d+|eine[nmrs]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|sechzig|achtzig|neunzig|hundert|hundertzehn|halbe[nr]?|ersten|zweiten|dritten|vierten|fünften|letzten)\s+(?:Kalender|Werk|Arbeits|Schul)?(?:Tage?n?s?|Wochen?|Monate?n?s?|Jahre?n?s?|Stunden?|Minuten|Vierteljahr\w*|Quartal\w*)\b|\b(?:unverzüglich|\d{1,2}[.:]\d{2}\s*Uhr|\d{1,2}\s*Uhr)\b|\b\d{1,2}\.\s+(?:Lebensjahr\w*|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)|\b(?:zwölfte|vierzehnte|sechzehnte|achtzehnte|einundzwanzigste|fünfundzwanzigste)\w*\s+Lebensjahr\w*|\b(?:Ende|Beginn|Anfang|Ablauf|Ersten)\s+(?:des|eines|der)\s+(?:\w+\s+)?(?:Kalender)?(?:Jahres|Monats|Quartals|Vierteljahres|Woche|Schuljahres)|\bvor\s+Beginn\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeFact();

    [GeneratedRegex(@"\b(?:innerhalb|binnen|spätestens|frühestens|längstens|Ablauf|Frist\w*|bis\s+zum|vorher|rechtzeitig|sofort)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeWord();

    [GeneratedRegex(@"\b(?:wie\s+hoch|(?:wie\s*viele?|wieviele?)(?!\s+(?:Zeit|Tage|Wochen|Monate|Jahre|Stunden))|was\s+kostet|was\s+kosten|wie\s+teuer|wie\s+groß|wie\s+lang(?!e)|wie\s+weit|wie\s+breit|wie\s+tief|wie\s+oft|welche[rnms]?\s+(?:betrag|höhe|gebühr|abstand|satz|anzahl)|welche[rnms]?\s+(?:[a-zäöüß]+e[rnms]?\s+)?(?:\w*entschädigung|\w*vergütung|zuschuss)(?:en)?|in\s+welcher\s+höhe|ab\s+welche[mr]\s+(?:betrag|wert|anzahl|zahl|höhe))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskedAmount();

    [GeneratedRegex(@"\b(?:bis\s+wann|ab\s+wann|seit\s+wann|wie\s+lange|wie\s*viele?\s+(?:Zeit|Tage|Wochen|Monate|Jahre|Stunden)|wie\s+früh|wie\s+alt|ab\s+welche[mr]\s+(?:alter|zeitpunkt|uhrzeit|tag|datum|jahr)|welche\s+(?:frist|uhrzeit|öffnungszeiten|ruhezeiten)|innerhalb\s+welche[rs])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskedTime();

    /// <summary>A number word or figure before a counted noun ("zwei Gemeinderäten", "350 Einwohnern"), or a share.</summary>
    [GeneratedRegex(@"\b(?:mindestens|höchstens|wenigstens|bis\s+zu|mehr\s+als|weniger\s+als|aus|von)\s+(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|fünfzig|hundert)\s+(?:[a-zäöü]+\s+)?(?!(?:Kalender|Werk|Arbeits|Lebens)?(?:Tag|Woche|Monat|Jahr|Stunde|Minute))[A-ZÄÖÜ][a-zäöüß]+|(?<!§\s?|§§\s?|Nr\.\s?|Abs\.\s?|Absatz\s|Satz\s|Art\.\s?|Artikel\s|Nummer\s|Anlage\s)\b\d+(?:[.,]\d+)?\s+(?!(?:Kalender|Werk|Arbeits|Lebens)?(?:Tag|Woche|Monat|Jahr|Stunde|Minute|Abs|Satz|Nr))[A-ZÄÖÜ][a-zäöüß]{3,}|\b(?:Hälfte|Drittel|Viertel|Fünftel|Zehntel|Mehrheit)\b|\b\d[\d.,]*\s*(?:m|cm|km|ha|l|t)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CountedThing();

    [GeneratedRegex(@"^(?:meter|met|cm|km|tag|woch|monat|jahr|stund|minut|uhr|euro|eur|prozent|hundert|hoch|hoh|hohe|weit|lang|lange|viel|oft|gross|alt|teu|teuer|ein|eins|zwei|drei|vier|funf|sechs|sieb|sieben|acht|neun|zehn|elf|zwolf|zwanzig|dreissig|funfzig|hundert|tausend|pro|inzwisch|zeit|mitt|anfang|januar|februar|marz|april|mai|juni|juli|august|septemb|oktob|novemb|dezemb|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenend)$", RegexOptions.CultureInvariant)]
    private static partial Regex FigureWord();

    [GeneratedRegex(@"\b(?:\w*(?:steuer|beitrags|gebühren|hebe|zins|pausch|durchschnitts|höchst|mindest|regel)s?(?:satz|sätze)|\w*gebühr\w*|höhe|\w*betrag|\w*beträge|\w*entschädigung\w*|\w*kosten\w*|\w*entgelt\w*|tarif\w*|\w*vergütung\w*|\w*zuschuss\w*|\w*preis\w*|\w*abgabe)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountHeading();

    [GeneratedRegex(@"\b(?:\w*frist\w*|\w*dauer|\w*zeit(?:en|raum|räume)?|beginn|ende|fälligkeit|verjährung|zeitpunkt|termin\w*|\w*alter)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeHeading();

    [GeneratedRegex(@"\b(?:werden|wird)\s+(?:\w+\s+){0,3}geregelt\b|\bDas\s+Nähere\s+(?:\w+\s+){0,4}(?:regelt|regeln|bestimmt|bestimmen)\b|\b(?:regelt|bestimmt)\s+(?:das\s+Nähere\s+)?(?:die|eine|der)\s+(?:besondere\s+)?\w*(?:satzung|verordnung|ordnung)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Delegation();

    [GeneratedRegex(@"\b(?:abweichend|ausgenommen|es\s+sei\s+denn|gilt\s+nicht|gelten\s+nicht|Ausnahme\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionFact();

    /// <summary>
    /// Who acts or owes: a body that decides, and a role defined by who holds it ("Beitragsschuldner ist, wer …", "Der
    /// Erbbauberechtigte ist … der Beitragsschuldner", "Steuerpflichtig sind …").
    /// </summary>
    [GeneratedRegex(@"\b(?:ist|sind),\s+(?:wer|die|der)\b|^\s*\w*(?:schuldner\w*|pflichtig\w*|berechtigt\w*|verantwortlich\w*)\s+(?:ist|sind)\b|\b(?:ist|sind)\s+(?:\w+\s+){0,4}(?:der|die)\s+\w*(?:schuldner|pflichtige|berechtigte|verantwortliche)\w*|\b(?:zuständig\w*|entscheidet|beschließt|obliegt|erlässt|stellt\s+\w+\s+auf|Aufgabe\w*|Behörde\w*|Bürgermeister\w*|Gemeinder[aä]t\w*|Vorsitzende\w*|Landratsamt|Verwaltungsverband\w*|Standesamt|wahrnimmt|nimmt\s+\w+\s+wahr)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompetenceFact();

    [GeneratedRegex(@"\b(?:bedürfen|bedarf|bedürfen|Genehmigung\w*|Erlaubnis\w*|verfahrensfrei|darf|dürfen|ist\s+verpflichtet|sind\s+verpflichtet|verpflichtet|muss|müssen|hat\s+\w+\s+zu|haben\s+\w+\s+zu|ist\s+zu|sind\s+zu|unzulässig|zulässig|verboten|untersagt|nicht\s+gestattet|gestattet|erforderlich|nicht\s+durch|berechtigt|Anspruch\s+auf|Recht\s+auf)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PermissionFact();

    [GeneratedRegex(@"\b(?:erfolg(?:t|en)\s+(?:durch|im\s+Wege|mittels|in\s+der\s+Form)|geschieht\s+durch|Antrag\w*|beantrag\w*|schriftlich\w*|vorzulegen|vorlegen|Nachweis\w*|anzuzeigen|Anzeige|anzumelden|Anmeldung|einzureichen|persönlich|elektronisch\w*|Formular\w*|Bescheinigung\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureFact();

    [GeneratedRegex(@"\b(?:wenn|soweit|sofern|falls|es\s+sei\s+denn|ausgenommen|Ausnahme\w*|abweichend|gilt\s+nicht|gelten\s+nicht|nur|jedoch|zuständig\w*|entscheidet|Voraussetzung\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionFact();
}
