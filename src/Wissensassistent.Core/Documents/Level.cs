namespace Wissensassistent.Core.Documents;

/// <summary>The level of government a text comes from; staff filter by it.</summary>
public enum Level
{
    Bund,
    Land,
    Kommune,
    /// <summary>Internal guidelines of the administration (Dienstanweisungen, Verwaltungsvorschriften).</summary>
    Intern,
}
