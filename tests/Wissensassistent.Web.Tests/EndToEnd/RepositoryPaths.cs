using Wissensassistent.Testing;

namespace Wissensassistent.Web.Tests.EndToEnd;

internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");
}
