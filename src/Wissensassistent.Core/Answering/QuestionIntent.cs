namespace Wissensassistent.Core.Answering;

/// <summary>What a question asks for; several may hold ("Bis wann muss … und wie viel kostet …").</summary>
[Flags]
public enum QuestionIntent
{
    None = 0,

    /// <summary>A figure: fee, tax rate, share, number of signatures ("wie hoch", "wie viel", "was kostet").</summary>
    Amount = 1,

    /// <summary>A deadline or duration ("bis wann", "wie lange", "Frist", "ab wann").</summary>
    Time = 2,

    /// <summary>Who decides or acts ("wer", "zuständig").</summary>
    Competence = 4,

    /// <summary>Whether something is allowed or required ("darf", "muss", "braucht … Genehmigung").</summary>
    Permission = 8,

    /// <summary>How it is done ("wie beantragen", "welche Unterlagen", "Form").</summary>
    Procedure = 16,

    /// <summary>With <see cref="Amount"/>: the figure asked is a sum of money ("Entschädigung", "Gebühr", "was kostet").</summary>
    Money = 32,
}
