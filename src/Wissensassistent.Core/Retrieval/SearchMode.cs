namespace Wissensassistent.Core.Retrieval;

public enum SearchMode
{
    Lexical,
    Dense,
    Hybrid,
}
