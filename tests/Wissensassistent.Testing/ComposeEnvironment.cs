using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Wissensassistent.Testing;

/// <summary>
/// The environment docker-compose.yml gives a service, read well enough to check it against our options classes: a key
/// such as <c>Authentication__Oidc__Authority</c> must name a real setting, and a default such as
/// <c>${EMBEDDINGS_PROVIDER:-MiniLm}</c> must be a value that setting accepts. Configuration silently ignores unknown keys,
/// so without this check a misspelt key in compose is only found in production.
/// </summary>
public static partial class ComposeEnvironment
{
    /// <summary>Key → value (the default of <c>${VAR:-default}</c>) of one service, anchors (<c>&lt;&lt;: *name</c>) merged in.</summary>
    public static IReadOnlyDictionary<string, string> Of(string composeText, string service)
    {
        ArgumentNullException.ThrowIfNull(composeText);
        var lines = composeText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l == $"  {service}:");
        if (start < 0)
        {
            throw new InvalidOperationException($"docker-compose.yml has no service '{service}'.");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var inEnvironment = false;
        for (var i = start + 1; i < lines.Count && (lines[i].Length == 0 || lines[i].StartsWith("   ", StringComparison.Ordinal)); i++)
        {
            var line = lines[i];
            if (line.StartsWith("    ", StringComparison.Ordinal) && !line.StartsWith("     ", StringComparison.Ordinal))
            {
                inEnvironment = line.Trim() == "environment:";
                continue;
            }

            if (inEnvironment && Entry().Match(line) is { Success: true } entry)
            {
                if (entry.Groups["key"].Value == "<<")
                {
                    foreach (var (key, value) in Anchor(lines, entry.Groups["value"].Value.TrimStart('*')))
                    {
                        environment[key] = value;
                    }
                }
                else
                {
                    environment[entry.Groups["key"].Value] = DefaultOf(entry.Groups["value"].Value);
                }
            }
        }

        return environment;
    }

    /// <summary>Every key with a section (<c>A__B</c>) that is unknown, or whose value its setting would not accept.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, Type> sections)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(sections);
        var problems = new List<string>();
        foreach (var (key, value) in environment.Where(kv => kv.Key.Contains("__", StringComparison.Ordinal)))
        {
            var path = key.Split("__");
            if (!sections.TryGetValue(path[0], out var type))
            {
                problems.Add($"{key}: no options class binds section '{path[0]}'");
                continue;
            }

            if (Check(type, path.AsSpan(1), value) is { } problem)
            {
                problems.Add($"{key}: {problem}");
            }
        }

        return problems;
    }

    private static string? Check(Type type, ReadOnlySpan<string> path, string value)
    {
        if (path.IsEmpty)
        {
            return Accepts(type, value) ? null : $"'{value}' is not a valid {type.Name}";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return null;
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return int.TryParse(path[0], CultureInfo.InvariantCulture, out _) ? null : $"'{path[0]}' is not a list index";
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true }
            ? Check(property.PropertyType, path[1..], value)
            : $"{type.Name} has no setting '{path[0]}'";
    }

    private static bool Accepts(Type type, string value)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (value.Length == 0 || type == typeof(string))
        {
            return true;
        }

        return type switch
        {
            _ when type.IsEnum => Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!),
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(int) => int.TryParse(value, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(double) => double.TryParse(value, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(Uri) => Uri.TryCreate(value, UriKind.Absolute, out _),
            _ => true,
        };
    }

    private static IEnumerable<(string Key, string Value)> Anchor(List<string> lines, string name)
    {
        var start = lines.FindIndex(l => l.EndsWith($"&{name}", StringComparison.Ordinal) && !l.StartsWith(' '));
        if (start < 0)
        {
            throw new InvalidOperationException($"docker-compose.yml has no anchor '&{name}'.");
        }

        for (var i = start + 1; i < lines.Count && lines[i].StartsWith("  ", StringComparison.Ordinal); i++)
        {
            if (Entry().Match(lines[i]) is { Success: true } entry)
            {
                yield return (entry.Groups["key"].Value, DefaultOf(entry.Groups["value"].Value));
            }
        }
    }

    private static string DefaultOf(string raw)
    {
        var value = raw.Trim().Trim('"', '\'');
        var variable = Variable().Match(value);
        return variable.Success ? variable.Groups["default"].Value : value;
    }

    [GeneratedRegex(@"^\s+(?<key><<|[A-Za-z][A-Za-z0-9_]*):\s*(?<value>.*)$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^\$\{[A-Za-z0-9_]+(?::?-(?<default>[^}]*))?\}$")]
    private static partial Regex Variable();
}
