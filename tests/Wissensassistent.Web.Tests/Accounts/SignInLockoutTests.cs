using Wissensassistent.Web.Accounts;

namespace Wissensassistent.Web.Tests.Accounts;

public sealed class SignInLockoutTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public void FifthFailure_LocksThatClientForThatName_Only()
    {
        var lockout = new SignInLockout(_time);
        DateTimeOffset? started = null;
        for (var i = 0; i < SignInLockout.MaxFailedAttempts; i++)
        {
            Assert.Null(lockout.LockedUntil("203.0.113.5", "chefin"));
            started = lockout.RecordFailure("203.0.113.5", "chefin");
        }

        Assert.Equal(_time.GetUtcNow() + SignInLockout.LockoutDuration, started);
        Assert.NotNull(lockout.LockedUntil("203.0.113.5", " CHEFIN "));
        Assert.Null(lockout.LockedUntil("10.0.0.7", "chefin"));
        Assert.Null(lockout.LockedUntil("203.0.113.5", "vertretung"));
    }

    [Fact]
    public void Lockout_EndsAfterItsDuration_AndOldFailuresAreForgotten()
    {
        var lockout = new SignInLockout(_time);
        for (var i = 0; i < SignInLockout.MaxFailedAttempts; i++)
        {
            lockout.RecordFailure("203.0.113.5", "chefin");
        }

        _time.Advance(SignInLockout.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.Null(lockout.LockedUntil("203.0.113.5", "chefin"));

        // Four failures, a pause longer than the window, one more: no lockout.
        for (var i = 0; i < SignInLockout.MaxFailedAttempts - 1; i++)
        {
            lockout.RecordFailure("198.51.100.1", "k.langsam");
        }

        _time.Advance(SignInLockout.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.Null(lockout.RecordFailure("198.51.100.1", "k.langsam"));
        Assert.Null(lockout.LockedUntil("198.51.100.1", "k.langsam"));
    }

    [Fact]
    public void ResetAccount_LiftsTheLockoutOfEveryClient()
    {
        var lockout = new SignInLockout(_time);
        foreach (var client in new[] { "203.0.113.5", "203.0.113.6" })
        {
            for (var i = 0; i < SignInLockout.MaxFailedAttempts; i++)
            {
                lockout.RecordFailure(client, "k.neu");
            }
        }

        lockout.ResetAccount("K.NEU");

        Assert.Null(lockout.LockedUntil("203.0.113.5", "k.neu"));
        Assert.Null(lockout.LockedUntil("203.0.113.6", "k.neu"));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
