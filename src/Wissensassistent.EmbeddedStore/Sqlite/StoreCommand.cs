using Microsoft.Data.Sqlite;

namespace Wissensassistent.EmbeddedStore.Sqlite;

internal static class StoreCommand
{
    /// <summary>A command in <paramref name="transaction"/> with the named parameters unset; the caller binds and disposes it.</summary>
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter, null));
        }

        return command;
    }
}
