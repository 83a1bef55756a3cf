using System.Collections.Concurrent;

namespace Wissensassistent.Web.Accounts;

/// <summary>
/// Failed sign-ins counted per client and user name, never per account alone: a client that guesses is locked out for a
/// while, while the same account signs in from anywhere else, so that nobody can lock out an administrator by guessing.
/// Names are counted whether or not an account exists, so the lockout reveals nothing. Held in memory and bounded.
/// </summary>
public sealed class SignInLockout(TimeProvider timeProvider)
{
    public const int MaxFailedAttempts = 5;

    /// <summary>Entries kept at most; beyond it, expired ones are dropped first, then the oldest.</summary>
    public const int MaxEntries = 20_000;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Client, string UserName), Failures> _failures = new();

    /// <summary>The end of the lockout of this client for this name, or null.</summary>
    public DateTimeOffset? LockedUntil(string client, string userName) =>
        _failures.TryGetValue(Key(client, userName), out var entry) && entry.LockedUntil is { } until && until > timeProvider.GetUtcNow()
            ? until
            : null;

    /// <summary>Counts a failure; returns the end of the lockout when this one started it.</summary>
    public DateTimeOffset? RecordFailure(string client, string userName)
    {
        var now = timeProvider.GetUtcNow();
        if (_failures.Count >= MaxEntries)
        {
            Prune(now);
        }

        var updated = _failures.AddOrUpdate(
            Key(client, userName),
            _ => new Failures(1, now, null),
            (_, entry) => entry.FirstFailure + LockoutDuration < now || entry.LockedUntil is { } until && until <= now
                ? new Failures(1, now, null)
                : entry with { Count = entry.Count + 1 });
        if (updated.Count < MaxFailedAttempts || updated.LockedUntil is not null)
        {
            return null;
        }

        var lockedUntil = now + LockoutDuration;
        _failures[Key(client, userName)] = updated with { LockedUntil = lockedUntil };
        return lockedUntil;
    }

    /// <summary>After a successful sign-in from this client.</summary>
    public void Reset(string client, string userName) => _failures.TryRemove(Key(client, userName), out _);

    /// <summary>After a new password: every client may try again.</summary>
    public void ResetAccount(string userName)
    {
        var name = Normalize(userName);
        foreach (var key in _failures.Keys.Where(key => key.UserName == name))
        {
            _failures.TryRemove(key, out _);
        }
    }

    private static (string, string) Key(string client, string userName) => (client, Normalize(userName));

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _failures)
        {
            if (entry.FirstFailure + LockoutDuration < now && (entry.LockedUntil is null || entry.LockedUntil <= now))
            {
                _failures.TryRemove(key, out _);
            }
        }

        var excess = _failures.Count - (MaxEntries * 3 / 4);
        foreach (var (key, _) in _failures.OrderBy(pair => pair.Value.FirstFailure).Take(Math.Max(0, excess)))
        {
            _failures.TryRemove(key, out _);
        }
    }

    private sealed record Failures(int Count, DateTimeOffset FirstFailure, DateTimeOffset? LockedUntil);
}
