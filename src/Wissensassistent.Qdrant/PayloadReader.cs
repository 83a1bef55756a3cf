using Qdrant.Client.Grpc;

namespace Wissensassistent.Qdrant;

/// <summary>Typed reads from a Qdrant payload; a missing required field means the point was not written by this store.</summary>
internal static class PayloadReader
{
    public static string RequiredString(IReadOnlyDictionary<string, Value> payload, string field) =>
        OptionalString(payload, field)
        ?? throw new InvalidDataException($"Qdrant-Punkt ohne Feld '{field}': die Sammlung wurde nicht von Wissensassistent geschrieben oder ist beschädigt.");

    public static string? OptionalString(IReadOnlyDictionary<string, Value> payload, string field) =>
        payload.TryGetValue(field, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    public static long RequiredInteger(IReadOnlyDictionary<string, Value> payload, string field) =>
        OptionalInteger(payload, field)
        ?? throw new InvalidDataException($"Qdrant-Punkt ohne Feld '{field}': die Sammlung wurde nicht von Wissensassistent geschrieben oder ist beschädigt.");

    public static long? OptionalInteger(IReadOnlyDictionary<string, Value> payload, string field) =>
        payload.TryGetValue(field, out var value)
            ? value.KindCase switch
            {
                Value.KindOneofCase.IntegerValue => value.IntegerValue,
                Value.KindOneofCase.DoubleValue => (long)value.DoubleValue,
                _ => null,
            }
            : null;

    public static bool Boolean(IReadOnlyDictionary<string, Value> payload, string field) =>
        payload.TryGetValue(field, out var value) && value.KindCase == Value.KindOneofCase.BoolValue && value.BoolValue;

    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, Value> payload, string field)
    {
        if (!payload.TryGetValue(field, out var value))
        {
            return [];
        }

        return value.KindCase switch
        {
            Value.KindOneofCase.ListValue => [.. value.ListValue.Values.Where(v => v.KindCase == Value.KindOneofCase.StringValue).Select(v => v.StringValue)],
            Value.KindOneofCase.StringValue => [value.StringValue],
            _ => [],
        };
    }

    public static TEnum RequiredEnum<TEnum>(IReadOnlyDictionary<string, Value> payload, string field)
        where TEnum : struct, Enum
    {
        var text = RequiredString(payload, field);
        return Enum.TryParse<TEnum>(text, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidDataException($"Qdrant-Feld '{field}' hat den unbekannten Wert '{text}'.");
    }

    public static DateOnly? OptionalDay(IReadOnlyDictionary<string, Value> payload, string field) =>
        OptionalInteger(payload, field) is { } day ? DateOnly.FromDayNumber((int)day) : null;
}
