namespace Wissensassistent.Core.Indexing;

/// <summary>A thread-safe current value that readers may subscribe to; writers replace it atomically.</summary>
public class ObservedValue<T>(T initial)
    where T : class
{
    private T _current = initial;

    public T Current => Volatile.Read(ref _current);

    public event Action<T>? Changed;

    public void Update(Func<T, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        T before, after;
        do
        {
            before = Current;
            after = change(before);
        }
        while (Interlocked.CompareExchange(ref _current, after, before) != before);

        Changed?.Invoke(after);
    }
}
