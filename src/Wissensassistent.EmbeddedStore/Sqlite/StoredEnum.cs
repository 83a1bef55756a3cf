using System.Collections.Frozen;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>Enum values stored by name, parsed through a frozen lookup: hydrating hits parses several per row.</summary>
internal static class StoredEnum<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> Values =
        Enum.GetValues<T>().ToFrozenDictionary(value => value.ToString(), StringComparer.Ordinal);

    /// <summary>Falls back to <see cref="Enum.Parse{TEnum}(string)"/> for anything but the exact name (numbers, other case).</summary>
    public static T Parse(string name) => Values.TryGetValue(name, out var value) ? value : Enum.Parse<T>(name);
}
