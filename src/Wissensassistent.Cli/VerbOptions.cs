namespace Wissensassistent.Cli;

/// <summary>
/// The options each verb reads, so that a mistyped one (<c>--topp</c>, <c>--dta</c>) is a usage error instead of being
/// ignored: <c>ingest --dta /srv/daten</c> would otherwise fill a data folder below the working directory.
/// </summary>
/// <remarks><c>bench</c> and <c>eval</c> are not checked: they take options of their own, also between processes.</remarks>
public static class VerbOptions
{
    private static readonly string[] Common = ["data", "corpus", "store", "help"];
    private static readonly string[] Reader = ["as", "groups"];
    private static readonly string[] Filters = ["law", "level", "type", "date", .. Reader];

    private static readonly Dictionary<string, HashSet<string>> Known = new(StringComparer.Ordinal)
    {
        ["ingest"] = Of("full", "no-embed"),
        ["embed"] = Of(),
        ["search"] = Of(["top", "json", "mode", "batch", .. Filters]),
        ["show"] = Of(Reader),
        ["ask"] = Of(["json", "batch", .. Filters]),
        ["check"] = Of(["json", .. Reader]),
        ["backup"] = Of("to"),
    };

    /// <exception cref="CliUsageException">The verb is checked and an option is none of its own.</exception>
    public static void EnsureKnown(CliArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Known.TryGetValue(arguments.Verb, out var known))
        {
            return;
        }

        var unknown = arguments.OptionNames.Where(name => !known.Contains(name)).Select(name => $"„--{name}“").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException(
                $"Unbekannte Option{(unknown.Count == 1 ? "" : "en")} für „wissen {arguments.Verb}“: {string.Join(", ", unknown)}. „wissen help“ zeigt die Optionen.");
        }
    }

    private static HashSet<string> Of(params string[] options) => new([.. Common, .. options], StringComparer.Ordinal);
}
