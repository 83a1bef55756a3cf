using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Web.Tests.OpenInterfaces;

/// <summary>Questions over the open interfaces reach the audit trail only when an administrator enabled it.</summary>
public sealed class QuestionAuditTests
{
    private const string Question = "Wann ist ein Vorhaben im Außenbereich zulässig?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ByDefault_NoQuestionIsRecorded()
    {
        await using var app = OpenInterfacesApp.With();
        await app.InitializeAsync();

        await AskAsync(app);

        Assert.Empty(await app.Factory.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Action: AuditActions.Question), Ct));
        var file = Path.Combine(app.Factory.DataPath, "audit.db");
        Assert.True(!File.Exists(file) || !(await File.ReadAllTextAsync(file, Ct)).Contains("Außenbereich", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenEnabled_TheQuestionIsRecordedWithTheKeysAccount()
    {
        await using var app = OpenInterfacesApp.With(("Audit:RecordQuestions", "true"));
        await app.InitializeAsync();

        var user = await AskAsync(app);

        var entry = Assert.Single(await app.Factory.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Action: AuditActions.Question), Ct));
        Assert.Equal((user, Question), (entry.Actor, entry.Object));
        Assert.False(string.IsNullOrEmpty(entry.Detail));
    }

    private static async Task<string> AskAsync(OpenInterfacesApp app)
    {
        var key = await app.IssueKeyAsync();
        using var http = app.Client(key.Secret);
        using var response = await http.PostAsJsonAsync("/api/answers", new { question = Question }, Ct);
        response.EnsureSuccessStatusCode();
        return key.Key.UserName;
    }
}
