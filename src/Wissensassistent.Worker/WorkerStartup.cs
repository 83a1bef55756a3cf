using Microsoft.Extensions.Options;

namespace Wissensassistent.Worker;

/// <summary>
/// Runs the worker. A configuration it refuses (no API key, an odd schedule) ends the process before the host starts,
/// with its German reasons on standard error and exit code 1 – not with an unhandled exception and a stack trace.
/// </summary>
public static partial class WorkerStartup
{
    public const int InvalidConfigurationExitCode = 1;

    public static int RunWorker(this WebApplication app, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        IReadOnlyList<string> failures;
        try
        {
            // The options validated at start (ValidateOnStart), checked before any hosted service is built.
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Run();
            return 0;
        }
        catch (OptionsValidationException invalid)
        {
            failures = [.. invalid.Failures];
        }
        catch (AggregateException invalid) when (invalid.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            failures = [.. invalid.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures).Distinct(StringComparer.Ordinal)];
        }

        LogInvalidConfiguration(app.Logger, failures.Count);
        var console = error ?? Console.Error;
        console.WriteLine("Der Worker startet nicht, die Konfiguration ist unvollständig:");
        foreach (var failure in failures)
        {
            console.WriteLine("- " + failure);
        }

        console.Flush();
        return InvalidConfigurationExitCode;
    }

    [LoggerMessage(EventId = 6090, Level = LogLevel.Critical, Message = "The worker did not start: its configuration is invalid ({Count} reasons on standard error)")]
    private static partial void LogInvalidConfiguration(ILogger logger, int count);
}
