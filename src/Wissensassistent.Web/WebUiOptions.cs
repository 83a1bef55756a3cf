using System.ComponentModel.DataAnnotations;
using Wissensassistent.Core.Answering;

namespace Wissensassistent.Web;

/// <summary>Settings of the chat UI (section <c>WebUi</c>).</summary>
public sealed class WebUiOptions
{
    public const string SectionName = "WebUi";

    /// <summary>
    /// Longest question the box accepts. Defaults to the search limit, so that nothing a clerk types is cut
    /// silently; the answer service's own limit is the upper bound.
    /// </summary>
    [Range(100, AnswerRequest.MaxQuestionLength)]
    public int MaxQuestionLength { get; set; } = 8_000;

    /// <summary>Earlier turns sent along with a follow-up question.</summary>
    [Range(0, 20)]
    public int HistoryTurns { get; set; } = 6;

    /// <summary>Answer two questions of our own at start, so that the first clerk does not wait for what a first answer loads.</summary>
    public bool WarmUpOnStart { get; set; } = true;

    /// <summary>Conversations kept in the browser; the oldest are dropped beyond this.</summary>
    [Range(1, 200)]
    public int MaxStoredConversations { get; set; } = 30;
}
