using System.Globalization;
using Wissensassistent.AI.Embeddings;

namespace Wissensassistent.AI.Tests.Embeddings;

public sealed class EncoderLanesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_DoesNotWaitBehindABatchOfPassages()
    {
        using var release = new ManualResetEventSlim();
        using var lanes = new EncoderLanes<object>(() => new object(), () => new object(), _ => { });
        var passage = lanes.RunAsync(query: false, _ => release.Wait(TimeSpan.FromSeconds(30)), Ct);

        var answer = await lanes.RunAsync(query: true, _ => 42, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(42, answer);
        Assert.False(passage.IsCompleted);
        release.Set();
        Assert.True(await passage);
    }

    [Fact]
    public async Task SharedEncoder_IsDisposedOnce()
    {
        var shared = new object();
        var disposed = 0;
        var lanes = new EncoderLanes<object>(() => shared, () => shared, _ => disposed++);
        await lanes.RunAsync(query: true, encoder => encoder, Ct);
        await lanes.RunAsync(query: false, encoder => encoder, Ct);

        lanes.Dispose();

        Assert.Equal(1, disposed);
    }

    [Fact]
    public async Task Passages_RunBelowNormalPriority()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Der nice-Wert eines Threads wird unter Linux gelesen.");
        using var worker = new LowPriorityWorker("test");

        var nice = await worker.RunAsync(() => NiceOfCurrentThread(), Ct);

        var ours = NiceOfCurrentThread();
        Assert.True(nice >= 10 && (nice > ours || nice == 19), $"nice {nice}, Testthread {ours}");
    }

    /// <summary>Field 19 of <c>/proc/thread-self/stat</c>; the command name before it may contain spaces, so count from its end.</summary>
    private static int NiceOfCurrentThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
