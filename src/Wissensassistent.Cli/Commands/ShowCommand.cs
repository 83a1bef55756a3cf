using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli.Commands;

/// <summary><c>wissen show "§ 35 Abs. 1 BauGB"</c>: exactly that passage or the whole norm, with Stand and source.</summary>
public sealed class ShowCommand : ICliCommand
{
    public const int NotFoundExitCode = 3;

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var input = string.Join(' ', arguments.Positional).Trim();
        if (input.Length == 0)
        {
            throw new CliUsageException("Bitte eine Fundstelle angeben: wissen show \"§ 35 BauGB\"");
        }

        await KnowledgeBase.EnsureIngestedAsync(services, cancellationToken);
        var lookup = services.GetRequiredService<NormLookup>();
        var exit = 0;
        foreach (var result in await lookup.LookupAsync(input, CliReader.From(arguments, services), cancellationToken))
        {
            if (!result.Found)
            {
                // As check's "nicht gefunden"; 4 is StoreOutage's, so that a script can tell a missing norm from a store that is down.
                Console.WriteLine(result.Message);
                exit = NotFoundExitCode;
                continue;
            }

            Print(Console.Out, result.Citation!, result.Passage);
        }

        return exit;
    }

    /// <summary>The cited Absatz (and Nummer) if given, else the whole norm.</summary>
    public static IReadOnlyList<Chunk> SelectPassage(IReadOnlyList<Chunk> norm, Citation citation) => NormLookup.SelectPassage(norm, citation);

    /// <summary>The passage as <c>show</c> prints it: address, heading path, whether repealed, text, Stand and source.</summary>
    public static void Print(TextWriter output, Citation citation, IReadOnlyList<Chunk> passage)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(passage);
        var first = passage[0];
        output.WriteLine(CitationFormatter.Format(citation));
        output.WriteLine(first.HeadingPathText);
        if (passage.Any(c => c.IsRepealed))
        {
            // A number inside a repealed run is shown with the run's heading: "§ 1330 BGB" within "§§ 1321 bis 1352 BGB".
            var run = first.Citation.Norm;
            output.WriteLine(string.Equals(run.Section, citation.Section, StringComparison.OrdinalIgnoreCase)
                ? "(weggefallen – diese Norm ist aufgehoben)"
                : $"(weggefallen – aufgehoben mit {CitationFormatter.FormatNorm(run)})");
        }

        output.WriteLine();
        foreach (var chunk in passage)
        {
            output.WriteLine(chunk.Text);
            output.WriteLine();
        }

        output.WriteLine($"Stand: {first.Stand ?? "unbekannt"}");
        output.WriteLine($"Quelle: corpus/{first.DocumentId}");
        output.WriteLine();
    }
}
