namespace Wissensassistent.Cli.Commands;

public interface ICliCommand
{
    /// <returns>The process exit code.</returns>
    Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken);
}
