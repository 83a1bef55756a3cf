using System.Globalization;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli;

/// <summary>
/// The longest question <c>ask</c> accepts: the web chat's default maximum, which is also where search stops reading
/// (<see cref="SearchRequest.MaxQueryLength"/>). A longer question is refused before anything is ingested or embedded,
/// instead of being answered from its first part without a word.
/// </summary>
public static class QuestionLength
{
    public const int Max = SearchRequest.MaxQueryLength;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <exception cref="CliUsageException">The question is longer than <see cref="Max"/>; the message is German.</exception>
    public static void EnsureWithinLimit(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var length = question.Trim().Length;
        if (length > Max)
        {
            throw new CliUsageException(string.Create(German,
                $"Die Frage ist mit {length:N0} Zeichen zu lang; erlaubt sind höchstens {Max:N0} Zeichen (wie im Chat). Bitte kürzen Sie die Frage auf das Wesentliche."));
        }
    }
}
