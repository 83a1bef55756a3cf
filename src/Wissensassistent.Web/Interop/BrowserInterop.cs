using Microsoft.JSInterop;

namespace Wissensassistent.Web.Interop;

/// <summary>The few browser calls the UI needs (wwwroot/js/wissensassistent.js).</summary>
public sealed class BrowserInterop(IJSRuntime js)
{
    public ValueTask AttachQuestionBoxAsync(string elementId, CancellationToken cancellationToken = default) =>
        js.InvokeVoidAsync("wissensassistent.attachQuestionBox", cancellationToken, elementId);

    /// <summary>Copies text to the clipboard; false when the browser refused.</summary>
    public ValueTask<bool> CopyTextAsync(string text, CancellationToken cancellationToken = default) =>
        js.InvokeAsync<bool>("wissensassistent.copyText", cancellationToken, text);

    public ValueTask DownloadTextAsync(string fileName, string text, string mimeType, CancellationToken cancellationToken = default) =>
        js.InvokeVoidAsync("wissensassistent.downloadText", cancellationToken, fileName, text, mimeType);

    /// <summary>Scrolls the element into the middle of the window at once (the norm view's cited Absatz).</summary>
    public ValueTask ScrollToCitedAsync(string elementId, CancellationToken cancellationToken = default) =>
        js.InvokeVoidAsync("wissensassistent.scrollToCited", cancellationToken, elementId);

    public ValueTask ScrollIntoViewAsync(string elementId, CancellationToken cancellationToken = default) =>
        js.InvokeVoidAsync("wissensassistent.scrollIntoView", cancellationToken, elementId);
}
