using System.Reflection;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Tests.Fakes;

/// <summary>
/// A store whose server is down: every call fails with <see cref="KnowledgeStoreUnavailableException"/>, as the
/// Qdrant store does after its retries. A proxy, so that it follows the store contract without forwarding each member
/// (not sealed: <see cref="DispatchProxy"/> derives the proxy type from it).
/// </summary>
public class UnreachableKnowledgeStore : DispatchProxy
{
    public const string Message = "Qdrant unter http://127.0.0.1:1 nicht erreichbar. Bitte prüfen, ob der Dienst läuft und Qdrant:Url stimmt.";

    private static readonly MethodInfo FromException = typeof(Task).GetMethods()
        .Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethodDefinition);

    /// <summary>Once set, the server is back: calls go to this store.</summary>
    public IKnowledgeStore? Recovered { get; set; }

    public static IKnowledgeStore Create() => Create<IKnowledgeStore, UnreachableKnowledgeStore>();

    /// <summary>The proxy's own side, to bring the store back: <c>ControlOf(store).Recovered = …</c>.</summary>
    public static UnreachableKnowledgeStore ControlOf(IKnowledgeStore store) => (UnreachableKnowledgeStore)(object)store;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (Recovered is { } store && targetMethod is not null)
        {
            return targetMethod.Invoke(store, args);
        }

        var error = new KnowledgeStoreUnavailableException(Message);
        var returns = targetMethod?.ReturnType;
        if (returns == typeof(Task))
        {
            return Task.FromException(error);
        }

        if (returns is { IsGenericType: true } && returns.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return FromException.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [error]);
        }

        throw error;
    }
}
