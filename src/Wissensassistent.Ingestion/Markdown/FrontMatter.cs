namespace Wissensassistent.Ingestion.Markdown;

/// <summary>The YAML front matter of a corpus file as flat keys (case-insensitive): scalars and lists.</summary>
internal sealed class FrontMatter
{
    private readonly Dictionary<string, string> _scalars;
    private readonly Dictionary<string, IReadOnlyList<string>> _lists;

    public FrontMatter(Dictionary<string, string> scalars, Dictionary<string, IReadOnlyList<string>> lists)
    {
        _scalars = new Dictionary<string, string>(scalars, StringComparer.OrdinalIgnoreCase);
        _lists = new Dictionary<string, IReadOnlyList<string>>(lists, StringComparer.OrdinalIgnoreCase);
    }

    public static FrontMatter None { get; } = new([], []);

    public bool IsEmpty => _scalars.Count == 0 && _lists.Count == 0;

    public string? Get(string key) =>
        _scalars.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public IReadOnlyList<string> GetList(string key) =>
        _lists.TryGetValue(key, out var list) ? list : [];
}
