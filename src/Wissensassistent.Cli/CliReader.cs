using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli;

/// <summary>
/// Who the command reads as: <c>--as USER</c> (the groups of that local account in the data folder's <c>users.db</c>) or
/// <c>--groups a,b</c>; without either, public documents only, as an anonymous visitor of the chat would.
/// </summary>
public static class CliReader
{
    public static DocumentAccess From(CliArguments arguments, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(services);
        var user = arguments.Get("as");
        var groups = arguments.Get("groups");
        if (user is not null && groups is not null)
        {
            throw new CliUsageException("Bitte entweder --as BENUTZER oder --groups GRUPPEN angeben, nicht beides.");
        }

        if (groups is not null)
        {
            return DocumentAccess.ForGroups(groups.Split(','));
        }

        return user is null ? DocumentAccess.Public : DocumentAccess.ForGroups(GroupsOf(user, services.GetRequiredService<IOptions<DataFolder>>().Value.AccountsDatabase));
    }

    /// <summary>Reads the account's groups from the web app's account file, read-only; the file is never changed here.</summary>
    private static string[] GroupsOf(string user, string accountsDatabase)
    {
        if (!File.Exists(accountsDatabase))
        {
            throw new CliUsageException($"--as braucht die Benutzerkonten der Web-Anwendung ({accountsDatabase}); die Datei gibt es nicht. Mit --groups lassen sich Gruppen direkt angeben.");
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = accountsDatabase, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT groups FROM users WHERE user_name = $name COLLATE NOCASE AND disabled = 0";
        command.Parameters.AddWithValue("$name", user.Trim());
        try
        {
            return command.ExecuteScalar() is string groups
                ? groups.Split(',', StringSplitOptions.RemoveEmptyEntries)
                : throw new CliUsageException($"Ein aktives Benutzerkonto „{user.Trim()}“ gibt es nicht.");
        }
        catch (SqliteException)
        {
            // An account file from before document groups: nobody has any yet.
            return [];
        }
    }
}
