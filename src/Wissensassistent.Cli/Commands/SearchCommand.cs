using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli.Commands;

/// <summary><c>wissen search "&lt;query&gt;"</c> and <c>wissen search --batch FILE.jsonl</c>.</summary>
public sealed class SearchCommand : ICliCommand
{
    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var top = arguments.GetInt("top", 10);
        var mode = arguments.GetEnum("mode", SearchMode.Hybrid);
        var filter = SearchFilters.From(arguments, services);
        await KnowledgeBase.EnsureIngestedAsync(services, cancellationToken);
        var search = services.GetRequiredService<ISearchService>();

        if (arguments.Get("batch") is { } batchFile)
        {
            return await RunBatchAsync(search, batchFile, top, mode, filter, cancellationToken);
        }

        var query = string.Join(' ', arguments.Positional);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new CliUsageException("Bitte eine Anfrage angeben: wissen search \"Bauen im Außenbereich\"");
        }

        var result = await search.SearchAsync(new SearchRequest(query, top, mode, filter), cancellationToken);
        foreach (var notice in result.Notices)
        {
            Terminal.Notice(notice);
        }

        if (arguments.Has("json"))
        {
            var view = new { query, tookMs = Math.Round(result.Took.TotalMilliseconds, 1), mode = result.Mode, hits = result.Hits.Select(HitView.From) };
            Console.WriteLine(JsonSerializer.Serialize(view, Terminal.JsonIndented));
            return 0;
        }

        if (result.Hits.Count == 0)
        {
            Console.WriteLine("Keine Treffer.");
            return 0;
        }

        foreach (var hit in result.Hits)
        {
            Console.WriteLine($"{hit.Rank,3}. {CitationFormatter.Format(hit.Chunk.Citation)}  ({hit.Chunk.DocumentId})");
            Console.WriteLine($"     {hit.Chunk.HeadingPathText}");
            Console.WriteLine($"     {Shorten(hit.Chunk.Text, 240)}");
        }

        Console.WriteLine($"{result.Hits.Count} Treffer in {result.Took.TotalMilliseconds:0} ms ({result.Mode.ToString().ToLowerInvariant()}).");
        return 0;
    }

    private static Task<int> RunBatchAsync(ISearchService search, string path, int top, SearchMode mode, Core.Storage.SearchFilter filter, CancellationToken cancellationToken) =>
        BatchQuestions.RunAsync(path, "Anfragen", async line =>
        {
            var result = await search.SearchAsync(new SearchRequest(line.Question!, top, mode, filter), cancellationToken);
            return new { id = line.Id, hits = result.Hits.Select(HitView.From) };
        }, cancellationToken);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + " …";
}
