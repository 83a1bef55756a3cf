namespace Wissensassistent.Testing;

/// <summary>The repository checkout the tests run in, found by walking up to the solution file.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Wissensassistent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Wissensassistent.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Path => Root.Value;

    /// <summary>The shipped corpus folder.</summary>
    public static string Corpus => System.IO.Path.Combine(Root.Value, "corpus");
}
