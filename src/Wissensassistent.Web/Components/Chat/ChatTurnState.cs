namespace Wissensassistent.Web.Components.Chat;

public enum ChatTurnState
{
    Streaming,
    Completed,
    Cancelled,
    Failed,
}
