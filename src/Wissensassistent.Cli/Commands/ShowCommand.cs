using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

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
        var store = services.GetRequiredService<IKnowledgeStore>();
        var laws = services.GetRequiredService<LawDirectory>();
        var parser = await laws.GetParserAsync(cancellationToken);
        var citations = parser.Parse(input);
        if (citations.Count == 0)
        {
            Console.WriteLine($"„{input}“ ist keine Fundstelle, die ich lesen kann. Beispiele: „§ 35 Abs. 1 BauGB“, „Art. 20 GG“, „§ 24 GemO“.");
            return 4;
        }

        var exit = 0;
        foreach (var citation in citations)
        {
            var norm = await store.GetNormAsync(citation.Law, citation.Section, cancellationToken);
            var passage = SelectPassage(norm, citation);
            if (passage.Count == 0)
            {
                await PrintNotFoundAsync(store, await laws.GetLawsAsync(cancellationToken), citation, norm.Count > 0, cancellationToken);
                exit = 4;
                continue;
            }

            Print(citation, passage);
        }

        return exit;
    }

    /// <summary>The cited Absatz (and Nummer) if given, else the whole norm.</summary>
    public static IReadOnlyList<Chunk> SelectPassage(IReadOnlyList<Chunk> norm, Citation citation)
    {
        if (citation.Absatz is null)
        {
            return norm;
        }

        var absatz = norm.Where(c => string.Equals(c.Citation.Absatz, citation.Absatz, StringComparison.OrdinalIgnoreCase)).ToList();
        if (citation.Nummer is not null && absatz.Any(c => c.Citation.Nummer == citation.Nummer))
        {
            return absatz.Where(c => c.Citation.Nummer == citation.Nummer).ToList();
        }

        return absatz;
    }

    private static void Print(Citation citation, IReadOnlyList<Chunk> passage)
    {
        var first = passage[0];
        Console.WriteLine(CitationFormatter.Format(citation with { Law = first.Citation.Law }));
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

    private static async Task PrintNotFoundAsync(IKnowledgeStore store, IReadOnlyList<LawInfo> laws, Citation citation, bool normExists, CancellationToken cancellationToken)
    {
        var formatted = CitationFormatter.Format(citation);
        var law = laws.FirstOrDefault(l => string.Equals(l.Law, citation.Law, StringComparison.OrdinalIgnoreCase));
        if (law is null)
        {
            var nearest = NearestNames.Find(citation.Law, laws.Select(l => l.Law), 5);
            Console.WriteLine($"„{formatted}“: ein Gesetz „{citation.Law}“ ist im Bestand nicht vorhanden."
                + (nearest.Count > 0 ? $" Meinten Sie: {string.Join(", ", nearest)}?" : string.Empty));
            return;
        }

        if (normExists)
        {
            Console.WriteLine($"„{formatted}“: {CitationFormatter.FormatNorm(citation)} hat keinen Absatz {citation.Absatz}.");
            return;
        }

        var norms = await store.ListNormsAsync(law.Law, cancellationToken);
        var near = NearestNorms.Find(norms, citation.Section, 5);
        Console.WriteLine($"„{formatted}“ gibt es im Bestand nicht."
            + (near.Count > 0 ? $" Nächstgelegene Normen: {string.Join(", ", near.Select(n => CitationFormatter.Format(n.Citation)))}." : string.Empty));
    }
}
