using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

/// <summary>Which units an extractive answer quotes: the direct answer by the question's intent, then what completes it.</summary>
public sealed class ExtractiveAnswerSelectionTests
{
    private readonly AnswerOptions _options = new();

    [Fact]
    public void Compose_ParallelLawRepeatingAQuotedRule_IsNotQuotedAgain()
    {
        var land = AnswerFixtures.Passage("land-bw/LVwVfG.md", "LVwVfG", "Landesverwaltungsverfahrensgesetz", "23", "2", "Amtssprache", 1,
            "(2) Werden bei einer Behörde in einer fremden Sprache Anträge gestellt oder Eingaben, Belege, Urkunden oder sonstige Dokumente vorgelegt, soll die Behörde unverzüglich die Vorlage einer Übersetzung verlangen.");
        var tax = AnswerFixtures.Passage("bund/ao.md", "AO", "Abgabenordnung", "87", "2", "Amtssprache", 2,
            "(2) Werden bei einer Finanzbehörde in einer fremden Sprache Anträge gestellt oder Eingaben, Belege, Urkunden oder sonstige Dokumente vorgelegt, kann die Finanzbehörde verlangen, dass unverzüglich eine Übersetzung vorgelegt wird.");

        var text = ExtractiveAnswerComposer.Compose("Ein Antrag kam in einer fremden Sprache. Müssen wir eine Übersetzung verlangen?", [land, tax], _options);

        Assert.Contains("§ 23 Abs. 2 LVwVfG", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Finanzbehörde", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FigureOfALaterNormSharingMoreOfTheQuestion_IsTheDirectAnswer()
    {
        // The first norm names the matter without a figure; the second states a figure but shares one word; the bylaw's table,
        // ranked last, states the figure for the asked function.
        var rule = AnswerFixtures.Passage("kommune/fw.md", "Feuerwehrsatzung", "Feuerwehrsatzung", "7", "4", "Jugendfeuerwehr", 1,
            "(4) Der Jugendwart erhält für seine Tätigkeit im Jahr eine Entschädigung nach der Entschädigungssatzung.");
        var general = AnswerFixtures.Passage("land-bw/GemO.md", "GemO", "Gemeindeordnung", "19", "3", "Ehrenamt", 2,
            "(3) Ehrenamtlich Tätigen kann eine Entschädigung von höchstens 50 Euro gewährt werden.");
        var fillers = Enumerable.Range(1, 4).Select(i => AnswerFixtures.Passage("bund/x.md", "XG", "Anderes Gesetz", $"{i}", null, "Sonstiges", 10 + i,
            $"Die Behörde veröffentlicht den Bericht Nummer {i} im Amtsblatt.")).ToList();
        var table = AnswerFixtures.Passage("kommune/fwe.md", "Feuerwehrentschädigungssatzung", "Feuerwehrentschädigungssatzung", "3", "1", "Zusätzliche Entschädigung", 20,
            "| Funktion | Entschädigung |\n| --- | --- |\n| Kommandant | 1.000,00 €/Jahr |\n| Jugendwart | 400,00 €/Jahr |");

        var text = ExtractiveAnswerComposer.Compose("Welche Entschädigung bekommt der Jugendwart im Jahr?", [rule, general, .. fillers, table], _options);

        Assert.StartsWith("„Jugendwart | 400,00 €/Jahr“", text, StringComparison.Ordinal);
    }

    private static readonly Chunk Werkfeuerwehr = AnswerFixtures.Passage("land-bw/FwG.md", "FwG", "Feuerwehrgesetz", "28", "2", "Werkfeuerwehren", 1,
        "(2) Die Werkfeuerwehren können vom Bürgermeister zum Einsatz bei Bränden herangezogen werden, soweit der Betrieb nicht gefährdet wird.");

    private static readonly Chunk Hilfeleistung = AnswerFixtures.Passage("land-bw/FwG.md", "FwG", "Feuerwehrgesetz", "30", "2", "Heranziehung Dritter", 2,
        "(2) Jede über 18 Jahre alte Person ist bei einem Schadensereignis verpflichtet, Hilfe zu leisten, wenn sie vom Einsatzleiter dazu aufgefordert wird. "
        + "Die Dienstleistung kann nur bei erheblicher eigener Gefahr abgelehnt werden. Angehörige der Katastrophenhilfe können bei ihrer Organisation mitwirken.");

    [Fact]
    public void Compose_PermissionQuestion_DirectAnswerIsTheSentenceThatSaysWhatIsRequired()
    {
        var text = ExtractiveAnswerComposer.Compose("Beim Brand hat der Einsatzleiter einen Zuschauer aufgefordert zu helfen. Durfte der sich weigern?", [Werkfeuerwehr, Hilfeleistung], _options);

        Assert.StartsWith("„Jede über 18 Jahre alte Person ist bei einem Schadensereignis verpflichtet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ConditionInTheDirectAnswersAbsatz_FollowsItEvenWithoutAQuestionWord()
    {
        var text = ExtractiveAnswerComposer.Compose("Beim Brand hat der Einsatzleiter einen Zuschauer aufgefordert zu helfen. Durfte der sich weigern?", [Werkfeuerwehr, Hilfeleistung], _options);

        Assert.Contains("„Die Dienstleistung kann nur bei erheblicher eigener Gefahr abgelehnt werden.“ [2]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Katastrophenhilfe", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_QuestionOfTwoParts_QuotesWhatAnswersTheSecondPart()
    {
        var haft = AnswerFixtures.Passage("land-bw/LVwVG.md", "LVwVG", "Landesverwaltungsvollstreckungsgesetz", "24", "1", "Zwangshaft", 1,
            "(1) Ist das Zwangsgeld uneinbringlich, so kann das Verwaltungsgericht die Zwangshaft anordnen, wenn bei der Androhung des Zwangsgeldes darauf hingewiesen worden ist. "
            + "Ordnet das Verwaltungsgericht die Zwangshaft an, so hat es einen Haftbefehl auszufertigen, in dem der Pflichtige und der Grund der Verhaftung zu bezeichnen sind. "
            + "Die Zwangshaft wird auf Antrag der Vollstreckungsbehörde vollzogen, wenn das Zwangsgeld nicht gezahlt ist. "
            + "Das Zwangsgeld bleibt neben der Zwangshaft bestehen.");
        var geld = AnswerFixtures.Passage("land-bw/LVwVG.md", "LVwVG", "Landesverwaltungsvollstreckungsgesetz", "23", null, "Zwangsgeld", 2,
            "Das Zwangsgeld wird auf mindestens zehn und höchstens fünfzigtausend Euro schriftlich festgesetzt.");
        var androhung = AnswerFixtures.Passage("land-bw/LVwVG.md", "LVwVG", "Landesverwaltungsvollstreckungsgesetz", "20", "1", "Androhung", 3,
            "(1) Dem Pflichtigen ist in der Androhung eine angemessene Frist zu bestimmen.");

        var text = ExtractiveAnswerComposer.Compose(
            "Ein Eigentümer räumt seinen Schrott nicht weg. Wir wollen ein Zwangsgeld festsetzen. Wie hoch darf das sein, und was muss in der Androhung stehen?",
            [haft, geld, androhung], new AnswerOptions { MaxExtractiveSentences = 2, ExtraSentencesPerQuestionPart = 1 });

        Assert.StartsWith("„Das Zwangsgeld wird auf mindestens zehn und höchstens fünfzigtausend Euro", text, StringComparison.Ordinal);
        Assert.Contains("eine angemessene Frist zu bestimmen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ListWhoseSentenceRunsOnAfterItsItems_IsQuotedWithItsClosingWords_NeverAsAFragment()
    {
        var zustellung = AnswerFixtures.Passage("land-bw/LVwZG.md", "LVwZG", "Landesverwaltungszustellungsgesetz", "11", "2", "Öffentliche Zustellung", 1,
            "(2) Die Benachrichtigung muss\n1. die Behörde, für die zugestellt wird,\n2. den Namen des Zustellungsadressaten,\n3. die Stelle, wo das Dokument eingesehen werden kann,\n"
            + "erkennen lassen. Das Dokument gilt als zugestellt, wenn seit dem Tag der Bekanntmachung der Benachrichtigung zwei Wochen vergangen sind.");

        var text = ExtractiveAnswerComposer.Compose("Was muss die Benachrichtigung bei einer öffentlichen Zustellung enthalten, und wann gilt das Dokument als zugestellt?", [zustellung], _options);
        var verification = CitationVerifier.Verify(text, [zustellung]);

        Assert.Contains("3. die Stelle, wo das Dokument eingesehen werden kann, erkennen lassen.“", text, StringComparison.Ordinal);
        Assert.DoesNotContain("„erkennen lassen", text, StringComparison.Ordinal);
        Assert.Contains("zwei Wochen vergangen sind", text, StringComparison.Ordinal);
        Assert.True(verification.Report.Passed, string.Join(" | ", verification.Report.Issues));
    }

    [Fact]
    public void Compose_EntitlementQuestion_DirectAnswerIsTheEntitlementWithAllItsConditions()
    {
        var uebergang = AnswerFixtures.Passage("bund/uhvorschg.md", "UhVorschG", "Unterhaltsvorschussgesetz", "7", "3", "Übergang von Ansprüchen", 1,
            "(3) Der Übergang eines Unterhaltsanspruchs kann nicht zum Nachteil des Unterhaltsberechtigten geltend gemacht werden, soweit dieser Unterhalt verlangt.");
        var berechtigte = AnswerFixtures.Passage("bund/uhvorschg.md", "UhVorschG", "Unterhaltsvorschussgesetz", "1", "1", "Berechtigte", 2,
            "(1) Anspruch auf Unterhaltsvorschuss nach diesem Gesetz hat, wer\n1. das zwölfte Lebensjahr noch nicht vollendet hat,\n2. bei einem seiner Elternteile lebt, der ledig ist, und\n"
            + "3. nicht oder nicht regelmäßig\na) Unterhalt von dem anderen Elternteil oder,\nb) Waisenbezüge\nerhält.");

        var text = ExtractiveAnswerComposer.Compose("Der Vater zahlt keinen Unterhalt für den Sohn. Kann die Mutter Unterhaltsvorschuss bekommen?", [uebergang, berechtigte], _options);
        var verification = CitationVerifier.Verify(text, [uebergang, berechtigte]);

        Assert.StartsWith("„Anspruch auf Unterhaltsvorschuss nach diesem Gesetz hat, wer 1. das zwölfte Lebensjahr noch nicht vollendet hat, 2.", text, StringComparison.Ordinal);
        Assert.True(verification.Report.Passed, string.Join(" | ", verification.Report.Issues));
    }

    [Fact]
    public void Compose_OpenerWhoseItemsAreATable_IsNotQuotedAlone()
    {
        var table = AnswerFixtures.Passage("kommune/fwe.md", "Feuerwehrentschädigungssatzung", "Feuerwehrentschädigungssatzung", "3", "1", "Zusätzliche Entschädigung", 1,
            "(1) Die nachfolgend genannten Angehörigen der Feuerwehr erhalten eine zusätzliche Entschädigung im Jahr:\n| Funktion | Entschädigung |\n| --- | --- |\n| Kommandant | 1.000,00 €/Jahr |");

        var text = ExtractiveAnswerComposer.Compose("Welche zusätzliche Entschädigung bekommt der Kommandant der Feuerwehr im Jahr?", [table], _options);

        Assert.StartsWith("„Kommandant | 1.000,00 €/Jahr“", text, StringComparison.Ordinal);
        Assert.DoesNotContain(":“", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_MoneyQuestion_PrefersTheTableWithTheSumsOverABetterRankedNormWithAMajority()
    {
        var deputy = AnswerFixtures.Passage("land-bw/GemO.md", "GemO", "Gemeindeordnung", "48", "2", "Stellvertreter des Bürgermeisters", 1,
            "(2) Ist die Stelle des Bürgermeisters längere Zeit unbesetzt, kann der Gemeinderat mit der Mehrheit der Stimmen aller Mitglieder einen Amtsverwalter bestellen.");
        var fillers = Enumerable.Range(1, 3).Select(i => AnswerFixtures.Passage("bund/x.md", "XG", "Anderes Gesetz", $"{i}", null, "Sonstiges", 10 + i,
            $"Die Behörde veröffentlicht den Bericht Nummer {i} im Amtsblatt.")).ToList();
        var table = AnswerFixtures.Passage("kommune/fwe.md", "Feuerwehrentschädigungssatzung", "Feuerwehrentschädigungssatzung", "3", "1", "Zusätzliche Entschädigung", 20,
            "| Funktion | Entschädigung |\n| --- | --- |\n| Kommandant | 1.000,00 €/Jahr |\n| Stv. Kommandant | 500,00 €/Jahr |\n| Jugendwart | 400,00 €/Jahr |");

        var text = ExtractiveAnswerComposer.Compose("Was bekommen unser Feuerwehrkommandant und sein Stellvertreter zusätzlich an Entschädigung im Jahr?", [deputy, .. fillers, table], _options);

        // The question asks for both functions; "Stv." stands for the Stellvertreter, so either row may lead.
        Assert.Matches("^„(Stv\\. )?Kommandant \\| ", text);
        Assert.Contains("1.000,00 €/Jahr", text, StringComparison.Ordinal);
        Assert.Contains("500,00 €/Jahr", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TableRowsUnderTheSentenceThatIntroducesThem_MatchItsWords()
    {
        // "zusätzliche Entschädigung" stands in the sentence before the table, not in its rows: the rows still answer it, before
        // the next Absatz's flat sum that shares the question's compound only by its first part ("Feuerwehr").
        var table = AnswerFixtures.Passage("kommune/fwe.md", "Feuerwehrentschädigungssatzung", "Feuerwehrentschädigungssatzung", "3", "1", "Entschädigung", 1,
            "(1) Die Angehörigen der Freiwilligen Feuerwehr, die über das übliche Maß hinaus Dienst leisten, erhalten eine zusätzliche Entschädigung:\n| Funktion | Betrag |\n| --- | --- |\n| Kommandant | 1.000,00 €/Jahr |\n| Stv. Kommandant | 500,00 €/Jahr |");
        var flat = AnswerFixtures.Passage("kommune/fwe.md", "Feuerwehrentschädigungssatzung", "Feuerwehrentschädigungssatzung", "3", "2", "Entschädigung", 2,
            "(2) Die aktiven Angehörigen der Freiwilligen Feuerwehr erhalten eine pauschale jährliche Aufwandsentschädigung in Höhe von 100,00 €.");

        var text = ExtractiveAnswerComposer.Compose("Was bekommen unser Feuerwehrkommandant und sein Stellvertreter zusätzlich an Entschädigung im Jahr?", [table, flat], _options);

        Assert.Matches("^„(Stv\\. )?Kommandant \\| ", text);
        Assert.Contains("„Kommandant | 1.000,00 €/Jahr“", text, StringComparison.Ordinal);
        Assert.Contains("„Stv. Kommandant | 500,00 €/Jahr“", text, StringComparison.Ordinal);
    }

    private static readonly Chunk Ersatzmarke = AnswerFixtures.Passage("kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md", "Hundesteuersatzung Bad Boll", "Hundesteuersatzung",
        "11", "6", "Hundesteuermarken", 1, "(6) Bei Verlust einer Hundesteuermarke wird dem Halter eine Ersatzmarke gegen eine Gebühr von 5,00 € ausgehändigt.", level: Level.Kommune, type: DocumentType.Satzung);

    [Fact]
    public void Compose_AmountQuestion_DirectAnswerIsTheRateOfTheNormHeadedSteuersatz_NotAFeeNamedInPassing()
    {
        // The better-ranked norm names the compound ("Hundesteuermarke") and a fee; the rate for the asked tax stands in the
        // norm headed "Steuersatz", whose sentence writes the compound apart ("Die Steuer … für jeden Hund").
        var text = ExtractiveAnswerComposer.Compose("Wie hoch ist die Hundesteuer für den ersten Hund?", [Ersatzmarke, AnswerFixtures.HundesteuerSteuersatz], _options);

        Assert.StartsWith("„Die Steuer beträgt im Kalenderjahr für jeden Hund 165,00 €.“", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RuleAndItsException_SharingTheQuestionsWords_TheRuleIsTheDirectAnswer()
    {
        var gebuehr = AnswerFixtures.Passage("kommune/halle.md", "Hallenordnung", "Hallenordnung", "6", "1", "Benutzungsentgelt", 1,
            "(1) Abweichend von Satz 2 beträgt das Entgelt für die Benutzung der Halle durch örtliche Vereine 10,00 € je Stunde. "
            + "Das Entgelt für die Benutzung der Halle beträgt 25,00 € je Stunde.");

        var text = ExtractiveAnswerComposer.Compose("Wie hoch ist das Entgelt für die Benutzung der Halle?", [gebuehr], _options);

        Assert.StartsWith("„Das Entgelt für die Benutzung der Halle beträgt 25,00 € je Stunde.“", text, StringComparison.Ordinal);
        Assert.Contains("10,00 €", text, StringComparison.Ordinal);
    }
    [Fact]
    public void Compose_WhoQuestion_DirectAnswerDefinesTheRole_NotAListOfMattersLeftToAnotherSatzung()
    {
        static Chunk Satzung(string section, string absatz, string title, int ordinal, string text) =>
            AnswerFixtures.Passage("kommune/eb.md", "Erschließungsbeitragssatzung", "Erschließungsbeitragssatzung", section, absatz, title, ordinal, text, level: Level.Kommune, type: DocumentType.Satzung);
        var laerm = Satzung("20", "2", "Lärmschutzanlagen", 1,
            "(2) Durch eine besondere Satzung werden geregelt\n1. Die Art und der Umfang der Lärmschutzanlage,\n2. Wer den Erschließungsbeitrag schuldet,\n3. Die Entstehung und die Fälligkeit der Beiträge.");
        var abloesung = Satzung("19", "1", "Ablösung", 2,
            "(1) Die Gemeinde kann mit dem Beitragsschuldner die Ablösung des Erschließungsbeitrags vereinbaren.");
        var schuldner = Satzung("17", "1", "Beitragsschuldner", 3,
            "(1) Beitragsschuldner ist, wer im Zeitpunkt der Bekanntgabe des Beitragsbescheids Eigentümer des Grundstücks ist.");

        var text = ExtractiveAnswerComposer.Compose("Wer schuldet den Erschließungsbeitrag?", [laerm, abloesung, schuldner], _options);

        Assert.StartsWith("„Beitragsschuldner ist, wer im Zeitpunkt der Bekanntgabe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Durch eine besondere Satzung werden geregelt", text, StringComparison.Ordinal);
    }
    [Fact]
    public void Compose_HowQuestion_DirectAnswerSaysHowItIsDone()
    {
        var anordnung = AnswerFixtures.Passage("land-bw/LVwZG.md", "LVwZG", "Landesverwaltungszustellungsgesetz", "11", "1", "Öffentliche Zustellung", 1,
            "(1) Die Anordnung über die öffentliche Zustellung trifft ein zeichnungsberechtigter Bediensteter.");
        var bekanntmachung = AnswerFixtures.Passage("land-bw/LVwZG.md", "LVwZG", "Landesverwaltungszustellungsgesetz", "11", "2", "Öffentliche Zustellung", 2,
            "(2) Die öffentliche Zustellung erfolgt durch Bekanntmachung einer Benachrichtigung im Staatsanzeiger.");

        var text = ExtractiveAnswerComposer.Compose("Wie läuft eine öffentliche Zustellung?", [anordnung, bekanntmachung], _options);

        Assert.StartsWith("„Die öffentliche Zustellung erfolgt durch Bekanntmachung", text, StringComparison.Ordinal);
    }
    [Fact]
    public void Compose_HowHighQuestion_MultipleOfARateStatesTheAmount_AndHoechstensIsNoMatchForHoch()
    {
        var geldbusse = AnswerFixtures.Passage("bund/owig.md", "OWiG", "Gesetz über Ordnungswidrigkeiten", "17", "1", "Höhe der Geldbuße", 1,
            "(1) Die Geldbuße beträgt mindestens fünf Euro und höchstens eintausend Euro.");
        var zwinger = AnswerFixtures.Passage("kommune/h.md", "Hundesteuersatzung", "Hundesteuersatzung", "5", "4", "Zwinger", 2,
            "(4) Die Zwingersteuer für Zwinger im Sinne von § 7 beträgt das zweifache des Steuersatzes nach Absatz 1.", level: Level.Kommune, type: DocumentType.Satzung);

        var text = ExtractiveAnswerComposer.Compose("Wie hoch ist die Zwingersteuer?", [geldbusse, zwinger], _options);

        Assert.StartsWith("„Die Zwingersteuer für Zwinger im Sinne von § 7 beträgt das zweifache", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HowLongQuestion_PrefersTheSpanOfTheNormHeadedGueltigkeitsdauer_OverASpanStatedOnTheSide()
    {
        var register = AnswerFixtures.Passage("bund/pauswg.md", "PAuswG", "Personalausweisgesetz", "23", "4", "Personalausweisregister", 1,
            "(4) Personenbezogene Daten im Personalausweisregister sind höchstens bis zu fünf Jahre nach dem Ablauf der Gültigkeit des Ausweises zu speichern.");
        var fillers = Enumerable.Range(1, 4).Select(i => AnswerFixtures.Passage("bund/pauswg.md", "PAuswG", "Personalausweisgesetz", $"{10 + i}", null, "Sonstiges", 1 + i,
            $"Die Personalausweisbehörde führt das Verzeichnis Nummer {i}.")).ToList();
        var dauer = AnswerFixtures.Passage("bund/pauswg.md", "PAuswG", "Personalausweisgesetz", "6", "1", "Gültigkeitsdauer", 10,
            "(1) Personalausweise werden für eine Gültigkeitsdauer von zehn Jahren ausgestellt.");

        var text = ExtractiveAnswerComposer.Compose("Wie lange ist ein Personalausweis gültig?", [register, .. fillers, dauer], _options);

        Assert.StartsWith("„Personalausweise werden für eine Gültigkeitsdauer von zehn Jahren ausgestellt.“", text, StringComparison.Ordinal);
    }
}
