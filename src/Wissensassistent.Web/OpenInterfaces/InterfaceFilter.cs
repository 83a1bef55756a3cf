using System.Globalization;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.OpenInterfaces;

/// <summary>Reads the filters every interface offers (law, level, type, date; comma-separated lists) into a <see cref="SearchFilter"/>.</summary>
public static class InterfaceFilter
{
    /// <exception cref="InterfaceInputException">An unknown level or type, or a date that is not one.</exception>
    public static SearchFilter Create(string? law, string? level, string? type, string? date)
    {
        var filter = SearchFilter.None;
        if (Split(law) is { Count: > 0 } laws)
        {
            filter = filter with { Laws = laws };
        }

        if (Split(level) is { Count: > 0 } levels)
        {
            filter = filter with { Levels = levels.Select(ParseEnum<Level>).ToList() };
        }

        if (Split(type) is { Count: > 0 } types)
        {
            filter = filter with { Types = types.Select(ParseEnum<DocumentType>).ToList() };
        }

        if (!string.IsNullOrWhiteSpace(date))
        {
            filter = filter with
            {
                InForceOn = DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new InterfaceInputException($"„date“ erwartet ein Datum wie 2025-01-31, nicht „{Shorten(date)}“."),
            };
        }

        return filter;
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static T ParseEnum<T>(string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Any(char.IsAsciiDigit)
            ? parsed
            : throw new InterfaceInputException($"Unbekannter Wert „{Shorten(value)}“; erlaubt: {string.Join(", ", Enum.GetNames<T>())}.");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
