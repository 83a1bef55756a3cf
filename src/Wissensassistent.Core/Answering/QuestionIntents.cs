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
        if (AmountQuestion().IsMatch(question))
        {
            intent |= QuestionIntent.Amount;
        }

        if (TimeQuestion().IsMatch(question))
        {
            intent |= QuestionIntent.Time;
        }

        if (CompetenceQuestion().IsMatch(question))
        {
            intent |= QuestionIntent.Competence;
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
    /// How strongly the sentence states an asked fact: 1 for an amount or a time span (specific), 0.5 for competence,
    /// permission or procedure (their words are common), 0 when it states none or the question asks for none.
    /// </summary>
    public static double FactsStated(QuestionIntent intent, string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if ((intent.HasFlag(QuestionIntent.Amount) && AmountFact().IsMatch(sentence)) || (intent.HasFlag(QuestionIntent.Time) && TimeFact().IsMatch(sentence)))
        {
            return 1;
        }

        return (intent.HasFlag(QuestionIntent.Competence) && CompetenceFact().IsMatch(sentence))
            || (intent.HasFlag(QuestionIntent.Permission) && PermissionFact().IsMatch(sentence))
            || (intent.HasFlag(QuestionIntent.Procedure) && ProcedureFact().IsMatch(sentence))
            ? 0.5
            : 0;
    }

    /// <summary>A sentence that states a condition, an exception or who is competent: what may follow the direct answer.</summary>
    public static bool StatesCondition(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return ConditionFact().IsMatch(sentence);
    }

    [GeneratedRegex(@"\b(?:wie\s+hoch|wie\s*viele?|wieviele?|was\s+kostet|was\s+kosten|kostet|kosten|gebühre?n?|beträgt|betrag|höhe|steuersatz|zuschlag|entschädigung|erstattet|zahlen|verlangen|abführen|wie\s+groß|wie\s+weit|wie\s+oft|menge|mindestens|höchstens)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountQuestion();

    [GeneratedRegex(@"\b(?:bis\s+wann|ab\s+wann|seit\s+wann|wie\s+lange|wie\s+früh|wie\s+schnell|wie\s+viel\s+zeit|frist|fristen|zeitraum|dauer|dauert|uhrzeit\w*|ruhezeit\w*|öffnungszeit\w*|verjähr\w*|aufbewahr\w*|spätestens|rechtzeitig|vorher|welchem\s+alter|ab\s+welchem|wie\s+oft)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"\b(?:wer|wem|zuständig\w*|entscheidet|welche\s+behörde|macht\s+das|stellt\w*\s+auf)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompetenceQuestion();

    [GeneratedRegex(@"\b(?:darf|dürfen|darfst|muss|müssen|brauch\w*|benötig\w*|genehmigung\w*|erlaubnis\w*|erlaubt|zulässig|pflicht\w*|verpflichtet|verboten|kann|können|geht\s+das|bauantrag|anmelden|erforderlich)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PermissionQuestion();

    [GeneratedRegex(@"\b(?:wie\s+(?:beantrag\w*|muss|müssen|geht|läuft|melde\w*)|welche\s+unterlagen|vorlegen|antrag|form|schriftlich|verfahren|was\s+muss|was\s+braucht)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureQuestion();

    [GeneratedRegex(@"\d[\d.,]*\s*(?:€|Euro|EUR|%|Prozent|v\.\s?H\.|vom\s+Hundert|m²|m2|m³|Quadratmeter|Kubikmeter|Meter|Kilogramm|kg|dB)|\b(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|fünfzig|hundert|tausend)\w*\s+(?:Euro|vom\s+Hundert|Prozent)|\b\d+(?:[.,]\d+)?\s+(?:Einwohner\w*|Unterschriften|Wohnungen|Angelegenheiten|Personen|Mitglieder\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountFact();

    [GeneratedRegex(@"\b(?:\d+|eine[nms]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn|dreißig|achtzig|hundertzehn)\s+(?:Kalender|Werk|Arbeits)?(?:Tage?n?|Wochen?|Monate?n?|Jahre?n?|Stunden?|Minuten)\b|\b(?:innerhalb|binnen|spätestens|frühestens|längstens|Ablauf|Frist|bis\s+zum|vor\s+Beginn|vorher|unverzüglich|\d{1,2}[.:]\d{2}\s*Uhr|\d{1,2}\s*Uhr)\b|\b\d{1,2}\.\s+(?:Lebensjahr\w*|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeFact();

    [GeneratedRegex(@"\b(?:zuständig\w*|entscheidet|beschließt|obliegt|erlässt|stellt\s+\w+\s+auf|Aufgabe\w*|Behörde\w*|Bürgermeister\w*|Gemeinderat\w*|Landratsamt|Verwaltungsverband\w*|Standesamt|wahrnimmt|nimmt\s+\w+\s+wahr)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompetenceFact();

    [GeneratedRegex(@"\b(?:bedürfen|bedarf|bedürfen|Genehmigung\w*|Erlaubnis\w*|verfahrensfrei|darf|dürfen|ist\s+verpflichtet|sind\s+verpflichtet|verpflichtet|muss|müssen|hat\s+\w+\s+zu|haben\s+\w+\s+zu|ist\s+zu|sind\s+zu|unzulässig|zulässig|verboten|untersagt|nicht\s+gestattet|gestattet|erforderlich|nicht\s+durch)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PermissionFact();

    [GeneratedRegex(@"\b(?:Antrag\w*|beantrag\w*|schriftlich\w*|vorzulegen|vorlegen|Nachweis\w*|anzuzeigen|Anzeige|anzumelden|Anmeldung|einzureichen|persönlich|elektronisch\w*|Formular\w*|Bescheinigung\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureFact();

    [GeneratedRegex(@"\b(?:wenn|soweit|sofern|falls|es\s+sei\s+denn|ausgenommen|Ausnahme\w*|abweichend|gilt\s+nicht|gelten\s+nicht|nur|jedoch|zuständig\w*|entscheidet|Voraussetzung\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionFact();
}
