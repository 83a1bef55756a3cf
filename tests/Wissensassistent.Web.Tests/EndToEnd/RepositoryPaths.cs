using Wissensassistent.Testing;

namespace Wissensassistent.Web.Tests.EndToEnd;

internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>
    /// docs/screenshots when <c>WA_UPDATE_SCREENSHOTS=1</c>; otherwise a temporary folder, so that a test run leaves the
    /// working tree clean (every rendering differs by a few bytes).
    /// </summary>
    public static string Screenshots => Environment.GetEnvironmentVariable("WA_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(Root, "docs", "screenshots")
        : Path.Combine(Path.GetTempPath(), "wissensassistent-screenshots");
}
