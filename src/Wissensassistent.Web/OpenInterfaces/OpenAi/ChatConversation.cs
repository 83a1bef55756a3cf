using Wissensassistent.Core.Answering;

namespace Wissensassistent.Web.OpenInterfaces.OpenAi;

/// <summary>
/// An OpenAI message list as the chat sees a conversation: the last user message is the question, and each earlier
/// user message with the assistant message after it is a <see cref="ConversationTurn"/>. System messages are ignored:
/// what the assistant may say is not the caller's to change.
/// </summary>
public sealed record ChatConversation(string Question, IReadOnlyList<ConversationTurn> History)
{
    /// <exception cref="InterfaceInputException">No user message.</exception>
    public static ChatConversation From(IReadOnlyList<ChatMessageInput>? messages)
    {
        var relevant = (messages ?? [])
            .Where(m => m.Role is "user" or "assistant")
            .Select(m => (m.Role, Text: m.Text.Trim()))
            .ToList();
        var last = relevant.FindLastIndex(m => m.Role == "user");
        if (last < 0 || relevant[last].Text.Length == 0)
        {
            throw new InterfaceInputException("Die Anfrage enthält keine Frage: die letzte Nachricht mit „role“: „user“ fehlt oder ist leer.");
        }

        var history = new List<ConversationTurn>();
        for (var i = 0; i < last; i++)
        {
            if (relevant[i].Role == "user" && i + 1 < last && relevant[i + 1].Role == "assistant")
            {
                history.Add(new ConversationTurn(relevant[i].Text, relevant[i + 1].Text));
                i++;
            }
        }

        return new ChatConversation(relevant[last].Text, history);
    }
}
