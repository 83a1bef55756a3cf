using Microsoft.Data.Sqlite;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary><c>wissen search/show/ask --as USER | --groups a,b</c>: the command reads as that reader, and only then sees restricted passages.</summary>
public sealed class CliReaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private string Corpus => _folder.Combine("corpus");

    private string Data => _folder.Combine("data");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Search_ShowAndAsk_SeeTheRestrictedPassageOnlyWithItsGroup()
    {
        DocumentPermissionTests.WriteCorpus(Corpus);
        WriteAccount("anna", "personalamt");
        WriteAccount("ben", "kaemmerei");

        var anonymous = await RunAsync("search", "Stundenentgelt vergütet", "--mode", "lexical");
        var ben = await RunAsync("search", "Stundenentgelt vergütet", "--mode", "lexical", "--as", "ben");
        var anna = await RunAsync("search", "Stundenentgelt vergütet", "--mode", "lexical", "--as", "anna");
        var groups = await RunAsync("search", "Stundenentgelt vergütet", "--mode", "lexical", "--groups", "Personalamt");
        var askBen = await RunAsync("ask", "Wie wird die Rufbereitschaft vergütet?", "--groups", "kaemmerei");
        var askAnna = await RunAsync("ask", "Wie wird die Rufbereitschaft vergütet?", "--as", "anna");

        Assert.DoesNotContain("zwölf Prozent", anonymous.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("zwölf Prozent", ben.Output, StringComparison.Ordinal);
        Assert.Contains("zwölf Prozent", anna.Output, StringComparison.Ordinal);
        Assert.Contains("zwölf Prozent", groups.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("zwölf Prozent", askBen.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentPermissionTests.PersonalamtFile, askBen.Output, StringComparison.Ordinal);
        Assert.Contains("zwölf Prozent", askAnna.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_UnknownUser_IsAUsageErrorInGerman()
    {
        DocumentPermissionTests.WriteCorpus(Corpus);
        WriteAccount("anna", "personalamt");

        var result = await RunAsync("search", "Rufbereitschaft", "--as", "niemand");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Benutzerkonto „niemand“ gibt es nicht", result.Output + result.Errors, StringComparison.Ordinal);
    }

    /// <summary>A users.db as the web app keeps it (only the columns the CLI reads are filled meaningfully).</summary>
    private void WriteAccount(string user, string groups)
    {
        Directory.CreateDirectory(Data);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "users.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS users (user_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
                created_at TEXT NOT NULL, security_stamp TEXT NOT NULL DEFAULT '', disabled INTEGER NOT NULL DEFAULT 0, groups TEXT NOT NULL DEFAULT '');
            INSERT INTO users (user_name, role, password_hash, created_at, groups) VALUES ($name, 'Staff', 'x', '2026-01-01T00:00:00Z', $groups);
            """;
        command.Parameters.AddWithValue("$name", user);
        command.Parameters.AddWithValue("$groups", groups);
        command.ExecuteNonQuery();
    }

    private Task<CliResult> RunAsync(params string[] arguments) =>
        CliProcess.RunAsync(
            new Dictionary<string, string?> { ["LanguageModels__Embeddings__Provider"] = "None", ["Store__Provider"] = "Embedded" },
            [.. arguments, "--data", Data, "--corpus", Corpus]);
}
