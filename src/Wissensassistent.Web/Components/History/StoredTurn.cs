using Wissensassistent.Core.Answering;

namespace Wissensassistent.Web.Components.History;

public sealed record StoredTurn(Answer Answer, DateTimeOffset AnsweredAt);
