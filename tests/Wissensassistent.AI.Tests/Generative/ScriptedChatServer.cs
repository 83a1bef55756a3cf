using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wissensassistent.AI.Tests.Generative;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on 127.0.0.1 (random port) that streams scripted answers as server-sent
/// events, the way OpenAI, vLLM, llama.cpp and Ollama's <c>/v1</c> do. It records every request body.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private ScriptedChatServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL to configure: <c>http://127.0.0.1:port/v1</c>.</summary>
    public Uri Endpoint { get; }

    public ChatScript Script { get; set; } = ChatScript.Streaming("Die Quellen enthalten dazu keine Regelung.");

    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    public static async Task<ScriptedChatServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ScriptedChatServer? server = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => server!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ScriptedChatServer(app, new Uri($"{address.TrimEnd('/')}/v1"));
        return server;
    }

    /// <summary>The user message of the last request: the sources and the question as the model saw them.</summary>
    public string LastUserMessage => LastMessage("user");

    public string LastSystemMessage => LastMessage("system");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private string LastMessage(string role) =>
        Requests.Last()["messages"]!.AsArray().Last(message => message!["role"]!.GetValue<string>() == role)!["content"]!.GetValue<string>();

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: aborted.Token);
        Requests.Enqueue(body!);
        var script = Script;
        try
        {
            if (script.HoldBeforeResponse)
            {
                await Task.Delay(Timeout.Infinite, aborted.Token);
            }

            if (script.StatusCode != StatusCodes.Status200OK)
            {
                context.Response.StatusCode = script.StatusCode;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } }, aborted.Token);
                return;
            }

            context.Response.ContentType = "text/event-stream";
            for (var i = 0; i < script.Pieces.Count; i++)
            {
                if (i == script.StallAfterPieces)
                {
                    await Task.Delay(Timeout.Infinite, aborted.Token);
                }

                await WriteEventAsync(context, Chunk(new { content = script.Pieces[i] }, finishReason: null), aborted.Token);
            }

            await WriteEventAsync(context, Chunk(new { }, finishReason: "stop"), aborted.Token);
            await context.Response.WriteAsync("data: [DONE]\n\n", aborted.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout) or the server stops.
        }
    }

    private static string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-scripted",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "scripted-model",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    });

    private static async Task WriteEventAsync(HttpContext context, string json, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync($"data: {json}\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
