using System.Text.Json;
using Wissensassistent.Web.Tests.EndToEnd;

namespace Wissensassistent.Web.Tests;

/// <summary>The app listens on the loopback interface only, unless an operator configures otherwise.</summary>
public sealed class BindingTests
{
    private static JsonElement Read(params string[] path) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([RepositoryPaths.Root, "src", "Wissensassistent.Web", .. path]))).RootElement;

    [Fact]
    public void AppSettings_BindLoopbackPort5080_AndAllowOnlyLocalHosts()
    {
        var settings = Read("appsettings.json");

        Assert.Equal("http://127.0.0.1:5080", settings.GetProperty("urls").GetString());
        Assert.DoesNotContain("*", settings.GetProperty("AllowedHosts").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LaunchSettings_UseLoopbackOnly()
    {
        var profiles = Read("Properties", "launchSettings.json").GetProperty("profiles").EnumerateObject();

        Assert.All(profiles, p => Assert.StartsWith("http://127.0.0.1:", p.Value.GetProperty("applicationUrl").GetString(), StringComparison.Ordinal));
    }
}
