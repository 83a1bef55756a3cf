namespace Wissensassistent.Cli;

/// <summary>
/// The parsed command line: a verb, positional arguments and <c>--name value</c> / <c>--flag</c> options.
/// Small on purpose: the verbs are few and their options plain.
/// </summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "json", "full", "help", "no-embed", "baseline", "ann", "embedding-load" };

    private readonly Dictionary<string, string> _options;

    private CliArguments(string verb, IReadOnlyList<string> positional, Dictionary<string, string> options)
    {
        Verb = verb;
        Positional = positional;
        _options = options;
    }

    public string Verb { get; }

    public IReadOnlyList<string> Positional { get; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[name[..eq]] = name[(eq + 1)..];
                }
                else if (Flags.Contains(name) || i + 1 >= args.Count || IsOption(args[i + 1]))
                {
                    options[name] = "true";
                }
                else
                {
                    options[name] = args[++i];
                }
            }
            else if (arg is "-h")
            {
                options["help"] = "true";
            }
            else
            {
                positional.Add(arg);
            }
        }

        var verb = positional.Count > 0 ? positional[0] : "help";
        return new CliArguments(verb, positional.Skip(1).ToList(), options);
    }

    // "--baseline --law BGB": an option never takes the next option as its value, even when the flag is unknown here.
    private static bool IsOption(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2;

    /// <summary>The names of the options given, without their leading <c>--</c>.</summary>
    public IEnumerable<string> OptionNames => _options.Keys;

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);

    public int GetInt(string name, int fallback)
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, out var parsed) && parsed > 0
            ? parsed
            : throw new CliUsageException($"--{name} erwartet eine positive ganze Zahl, nicht „{value}“.");
    }

    public T GetEnum<T>(string name, T fallback)
        where T : struct, Enum
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        return Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new CliUsageException($"--{name} erwartet einen der Werte {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, nicht „{value}“.");
    }

    /// <summary>Configuration overrides for the options every verb takes (<c>--data</c>, <c>--corpus</c>).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ConfigurationOverrides()
    {
        if (Get("data") is { } data)
        {
            yield return new("Data:Directory", data);
        }

        if (Get("corpus") is { } corpus)
        {
            yield return new("Corpus:Path", Path.GetFullPath(corpus));
        }

        if (Get("store") is { } store)
        {
            yield return new("Store:Provider", store);
        }
    }
}

/// <summary>A mistake in the command line: printed as is, with exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
