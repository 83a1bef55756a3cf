namespace Wissensassistent.Web.Accounts;

/// <summary>Runs <see cref="InitialAdmin"/> before the server accepts requests.</summary>
public sealed class InitialAdminService(InitialAdmin initialAdmin) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialAdmin.EnsureAsync(Console.Out, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
