using System.Diagnostics;
using System.Text;

namespace Wissensassistent.Web.Tests.EndToEnd;

/// <summary>
/// Starts the built web app as its own process on 127.0.0.1 with a temporary working folder that holds its data
/// (<c>data/</c>) and a link to the repository's <c>corpus/</c>, so that both relative defaults and the explicit
/// setting point there. Extra arguments (model endpoints, …) can be given in <c>WA_E2E_APP_ARGS</c>.
/// </summary>
public sealed class RealAppProcess : IAsyncLifetime
{
    /// <summary>What the log says when <c>builder.AddWissensassistent()</c> is still missing in Program.cs.</summary>
    public const string MissingWiringMarker = "There is no registered service of type";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _log = new();
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "wa-e2e-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public string BaseUrl { get; private set; } = "";

    public bool HasExited => _process?.HasExited ?? true;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public string LogTail => Log.Length <= 4000 ? Log : Log[^4000..];

    public async ValueTask InitializeAsync()
    {
        var appDirectory = AppDirectory();
        var dll = Path.Combine(appDirectory, "Wissensassistent.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} fehlt – bitte zuerst bauen: dotnet build src/Wissensassistent.Web");
        }

        var data = Path.Combine(_workDirectory, "data");
        Directory.CreateDirectory(data);
        Directory.CreateSymbolicLink(Path.Combine(_workDirectory, "corpus"), Path.Combine(RepositoryPaths.Root, "corpus"));
        foreach (var settings in Directory.EnumerateFiles(appDirectory, "appsettings*.json"))
        {
            File.Copy(settings, Path.Combine(_workDirectory, Path.GetFileName(settings)));
        }

        BaseUrl = $"http://127.0.0.1:{FreePort.OnLoopback()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(_workDirectory);
        start.ArgumentList.Add("--Data:Directory");
        start.ArgumentList.Add(data);
        start.ArgumentList.Add("--Corpus:IngestOnStartup");
        start.ArgumentList.Add("true");

        // Lexical search answers at once; embedding the whole corpus would cost minutes of CPU in CI.
        start.ArgumentList.Add("--LanguageModels:Embeddings:Provider");
        start.ArgumentList.Add("None");
        foreach (var argument in (Environment.GetEnvironmentVariable("WA_E2E_APP_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument);
        }

        // Development serves MudBlazor's and the app's static files straight from the build output.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet konnte nicht gestartet werden.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealthAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The store may still hold a file briefly after the process ended; the temp folder is disposable.
        }
    }

    private static string AppDirectory()
    {
        // Same configuration as this test assembly: …/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent?.Name ?? "Debug";
        return Path.Combine(RepositoryPaths.Root, "src", "Wissensassistent.Web", "bin", configuration, testOutput.Name);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"Die Anwendung hat sich beim Start beendet:\n{LogTail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"/health antwortete nicht binnen {StartTimeout.TotalSeconds} s:\n{LogTail}");
    }
}
