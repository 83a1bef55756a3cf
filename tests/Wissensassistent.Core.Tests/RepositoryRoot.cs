namespace Wissensassistent.Core.Tests;

/// <summary>Finds the checkout by walking up to Wissensassistent.sln, so tests can read the shipped corpus.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Corpus => System.IO.Path.Combine(Path, "corpus");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Wissensassistent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Wissensassistent.sln not found above " + AppContext.BaseDirectory);
    }
}
