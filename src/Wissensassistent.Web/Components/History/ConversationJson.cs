using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wissensassistent.Web.Components.History;

/// <summary>
/// JSON for browser storage. Computed properties (<c>Citation.Norm</c>, <c>Chunk.SearchText</c>, …) are left out:
/// they are derived on reading, would only take space, and <c>Citation.Norm</c> never ends.
/// </summary>
public static class ConversationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedProperties } },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="JsonException">Not JSON of <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    private static void SkipComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
