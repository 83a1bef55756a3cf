using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli.Commands;

/// <summary><c>wissen show "§ 35 Abs. 1 BauGB"</c>: exactly that passage or the whole norm, with Stand and source.</summary>
public sealed class ShowCommand : ICliCommand
{
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
                Console.WriteLine(result.Message);
                exit = 4;
                continue;
            }

            Print(result.Citation!, result.Passage);
        }

        return exit;
    }

    /// <summary>The cited Absatz (and Nummer) if given, else the whole norm.</summary>
    public static IReadOnlyList<Chunk> SelectPassage(IReadOnlyList<Chunk> norm, Citation citation) => NormLookup.SelectPassage(norm, citation);

    private static void Print(Citation citation, IReadOnlyList<Chunk> passage)
    {
        var first = passage[0];
        Console.WriteLine(CitationFormatter.Format(citation));
        Console.WriteLine(first.HeadingPathText);
        if (passage.Any(c => c.IsRepealed))
        {
            Console.WriteLine("(weggefallen – diese Norm ist aufgehoben)");
        }

        Console.WriteLine();
        foreach (var chunk in passage)
        {
            Console.WriteLine(chunk.Text);
            Console.WriteLine();
        }

        Console.WriteLine($"Stand: {first.Stand ?? "unbekannt"}");
        Console.WriteLine($"Quelle: corpus/{first.DocumentId}");
        Console.WriteLine();
    }
}
