using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Tests;

public sealed class LawDirectoryTests
{
    private static readonly LawInfo BauGB = new("BauGB", "Baugesetzbuch", [], Level.Bund, DocumentType.Gesetz, null, 10);

    private static readonly LawInfo GemO = new("GemO", "Gemeindeordnung für Baden-Württemberg", ["Gemeindeordnung"], Level.Land, DocumentType.Gesetz, null, 10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetParser_WhenTheLawsGrewOld_AnswersAtOnceAndKnowsANewLawOnceTheyWereReadAgain()
    {
        var store = new LawsStore([BauGB]);
        var clock = new ManualTime();
        var laws = new LawDirectory(store, clock);
        Assert.Empty((await laws.GetParserAsync(DocumentAccess.Public, Ct)).Laws.FindLaws("nach der Gemeindeordnung"));

        store.Hold([BauGB, GemO]);
        clock.Advance(TimeSpan.FromSeconds(11));
        var stale = laws.GetParserAsync(DocumentAccess.Public, Ct);

        Assert.True(stale.IsCompleted, "A question must not wait while the laws are read again.");
        Assert.Empty((await stale).Laws.FindLaws("nach der Gemeindeordnung"));
        store.Release();
        await WaitUntilAsync(async () => (await laws.GetParserAsync(DocumentAccess.Public, Ct)).Laws.FindLaws("nach der Gemeindeordnung").Contains("GemO"));
    }

    [Fact]
    public async Task GetParser_WhenTheLawsCameBackUnchanged_KeepsItsParser()
    {
        var store = new LawsStore([BauGB, GemO]);
        var clock = new ManualTime();
        var laws = new LawDirectory(store, clock);
        var first = await laws.GetParserAsync(DocumentAccess.Public, Ct);

        clock.Advance(TimeSpan.FromSeconds(11));
        await laws.GetParserAsync(DocumentAccess.Public, Ct);
        await WaitUntilAsync(() => Task.FromResult(store.Reads == 2));

        // A third read starts only once the second one ended.
        clock.Advance(TimeSpan.FromSeconds(11));
        await WaitUntilAsync(async () =>
        {
            await laws.GetParserAsync(DocumentAccess.Public, Ct);
            return store.Reads == 3;
        });

        Assert.Same(first, await laws.GetParserAsync(DocumentAccess.Public, Ct));
    }

    [Fact]
    public async Task GetParser_LawsReadWhileTimePassed_AreAsOldAsTheMomentTheReadBegan()
    {
        var store = new LawsStore([BauGB]);
        var clock = new ManualTime();
        var laws = new LawDirectory(store, clock);
        await laws.GetParserAsync(DocumentAccess.Public, Ct);

        store.Hold([BauGB, GemO]);
        clock.Advance(TimeSpan.FromSeconds(11));
        await laws.GetParserAsync(DocumentAccess.Public, Ct);
        await WaitUntilAsync(() => Task.FromResult(store.Reads == 2));
        clock.Advance(TimeSpan.FromSeconds(11));
        store.Release();

        // Read from t+11 on, the laws are 11 s old at t+22: the next question starts another read.
        await WaitUntilAsync(async () =>
        {
            await laws.GetParserAsync(DocumentAccess.Public, Ct);
            return store.Reads == 3;
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Die Bedingung trat nicht ein.");
            await Task.Delay(10, Ct);
        }
    }

    /// <summary>Answers only for the laws; can hold a read back until released.</summary>
    private sealed class LawsStore(IReadOnlyList<LawInfo> laws) : DelegatingKnowledgeStore(null!)
    {
        private IReadOnlyList<LawInfo> _laws = laws;
        private TaskCompletionSource? _gate;
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public void Hold(IReadOnlyList<LawInfo> next)
        {
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _laws = next;
        }

        public void Release() => _gate?.TrySetResult();

        public override async Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            if (_gate is { } gate)
            {
                await gate.Task;
            }

            return _laws;
        }
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
