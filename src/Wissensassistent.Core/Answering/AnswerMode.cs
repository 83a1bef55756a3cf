namespace Wissensassistent.Core.Answering;

public enum AnswerMode
{
    /// <summary>Built from the best sentences of the best passages, without a language model.</summary>
    Extractive,

    /// <summary>Written by the configured chat model from the retrieved passages, then verified.</summary>
    Generative,
}
