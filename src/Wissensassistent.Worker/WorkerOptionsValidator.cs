using Microsoft.Extensions.Options;

namespace Wissensassistent.Worker;

/// <summary>Refuses to start without an API key (unless anonymous loopback access is allowed) and with odd schedules.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            if (!options.AllowAnonymousOnLoopback)
            {
                failures.Add(
                    "Für den Worker ist kein API-Schlüssel konfiguriert (Worker:ApiKey, als Umgebungsvariable Worker__ApiKey). " +
                    "Ohne Schlüssel startet der Worker nicht. Für die Entwicklung kann Worker:AllowAnonymousOnLoopback=true gesetzt werden; " +
                    "dann sind die Steuerendpunkte nur von diesem Rechner aus ohne Schlüssel erreichbar.");
            }
        }
        else if (options.ApiKey.Trim().Length < MinimumKeyLength)
        {
            failures.Add($"Der API-Schlüssel des Workers (Worker:ApiKey) ist zu kurz: mindestens {MinimumKeyLength} Zeichen, z. B. aus „openssl rand -hex 32“.");
        }

        if (options.Schedule is { } schedule && schedule < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Worker:Schedule ist mit {schedule} zu kurz; mindestens eine Minute (z. B. „06:00:00“), oder leer lassen für keinen Zeitplan.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
