namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>German and English texts of the kinds the assistant embeds: questions, norm texts, long passages.</summary>
public static class ParityTexts
{
    public static readonly string[] English =
    [
        "The dog is barking.",
        "A man is playing a guitar.",
        "Who is responsible for clearing snow from the pavement in winter?",
        "The tax office raised the fee for dog owners, and the council approved the new bylaw on 1 January 2025.",
    ];

    /// <summary>German without umlauts: the package's tokenizer reads these as BERT does (see <see cref="WithUmlauts"/>).</summary>
    public static readonly string[] German =
    [
        "Brauche ich eine Baugenehmigung, wenn ich einen Carport baue?",
        "Wann ist ein Vorhaben im Außenbereich privilegiert?",
        "Die Verwaltungsgerichtsbarkeit wird durch Gerichte ausgeübt.".Replace("ü", "ue", StringComparison.Ordinal),
        "§ 35 Abs. 1 Nr. 4 BauGB: Im Außenbereich ist ein Vorhaben nur dann erlaubt, wenn Belange nicht entgegenstehen.",
        "Hundesteuer",
        "Wer einen Kampfhund hat, zahlt in Bad Boll den erhöhten Steuersatz.".Replace("ö", "oe", StringComparison.Ordinal),
    ];

    /// <summary>German with umlauts, which the package's tokenizer turns into <c>[UNK]</c> because it keeps accents the vocabulary lacks.</summary>
    public static readonly string[] WithUmlauts =
    [
        "Brauche ich für einen Carport eine Baugenehmigung?",
        "Wann ist ein Vorhaben im Außenbereich zulässig?",
        "Die Verwaltungsgerichtsbarkeit wird durch unabhängige, von den Verwaltungsbehörden getrennte Gerichte ausgeübt.",
        "Wer einen Kampfhund hält, zahlt in Bad Boll den erhöhten Steuersatz.",
    ];

    /// <summary>Up to 1 000 characters each (where the package cuts): German and English passages of 170 to 330 word pieces.</summary>
    public static readonly string[] Long =
    [
        string.Join(' ', Enumerable.Repeat(
            "Ein Verwaltungsakt ist jede Verfuegung, Entscheidung oder andere hoheitliche Massnahme, die eine Behoerde zur Regelung eines Einzelfalls auf dem Gebiet des oeffentlichen Rechts trifft und die auf unmittelbare Rechtswirkung nach aussen gerichtet ist.",
            4))[..990],
        string.Join(' ', Enumerable.Repeat(
            "The municipality shall publish the bylaw, and any resident may inspect the documents during office hours; objections must be raised in writing within one month.",
            6))[..950],
    ];

    public static IEnumerable<string> Comparable => [.. English, .. German, .. Long];
}
