using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli;

/// <summary>Reads <c>--law</c>, <c>--level</c>, <c>--type</c>, <c>--date</c> and who reads (<see cref="CliReader"/>) into a <see cref="SearchFilter"/>.</summary>
public static class SearchFilters
{
    public static SearchFilter From(CliArguments arguments, IServiceProvider services)
    {
        var filter = SearchFilter.None with { Access = CliReader.From(arguments, services) };
        if (arguments.Get("law") is { } laws)
        {
            filter = filter with { Laws = Split(laws) };
        }

        if (arguments.Get("level") is { } levels)
        {
            filter = filter with { Levels = Split(levels).Select(ParseEnum<Level>).ToList() };
        }

        if (arguments.Get("type") is { } types)
        {
            filter = filter with { Types = Split(types).Select(ParseEnum<DocumentType>).ToList() };
        }

        if (arguments.Get("date") is { } date)
        {
            filter = filter with
            {
                InForceOn = DateOnly.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, out var day)
                    ? day
                    : throw new CliUsageException($"--date erwartet ein Datum wie 2025-01-31, nicht „{date}“."),
            };
        }

        return filter;
    }

    private static List<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static T ParseEnum<T>(string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new CliUsageException($"Unbekannter Wert „{value}“; erlaubt: {string.Join(", ", Enum.GetNames<T>())}.");
}
