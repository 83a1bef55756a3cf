using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wissensassistent.Cli;

/// <summary>Output conventions: results to stdout, progress and notices to stderr, JSON camelCase with readable umlauts.</summary>
public static class Terminal
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static readonly JsonSerializerOptions JsonIndented = new(Json) { WriteIndented = true };

    private static readonly bool Interactive = !Console.IsErrorRedirected;

    /// <summary>Rewrites one status line on a terminal; prints nothing when stderr is redirected.</summary>
    public static void Progress(string line)
    {
        if (!Interactive)
        {
            return;
        }

        var width = Math.Max(20, SafeWindowWidth() - 1);
        var text = line.Length > width ? line[..(width - 1)] + "…" : line;
        Console.Error.Write("\r" + text.PadRight(width));
    }

    public static void EndProgress()
    {
        if (Interactive)
        {
            Console.Error.Write("\r" + new string(' ', Math.Max(20, SafeWindowWidth() - 1)) + "\r");
        }
    }

    public static void Notice(string message) => Console.Error.WriteLine(message);

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
