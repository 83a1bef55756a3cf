namespace Wissensassistent.Web.Tests.EndToEnd;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Wissensassistent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Wissensassistent.sln not found above " + AppContext.BaseDirectory);
    }
}
