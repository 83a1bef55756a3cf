using System.Text.Json.Serialization;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>Heading paths and aliases are stored as JSON arrays.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
