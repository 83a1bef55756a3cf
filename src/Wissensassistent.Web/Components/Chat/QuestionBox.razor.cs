using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Wissensassistent.Web.Interop;

namespace Wissensassistent.Web.Components.Chat;

/// <summary>The question input: Enter sends, Shift+Enter starts a new line, the length limit is shown.</summary>
public sealed partial class QuestionBox
{
    public const string InputId = "wa-question";

    /// <summary>
    /// What the field takes at most. Far above <see cref="MaxLength"/>: a browser cuts a longer paste silently at the
    /// field's maxlength, so the end of a pasted question would be lost unnoticed; kept whole, it is shown as too long.
    /// The hub's message size (AddWebUi) is set for a text of this length.
    /// </summary>
    public const int PasteLimit = Wissensassistent.Core.Drafts.DraftCitationCheck.MaxCharacters;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Inject]
    private BrowserInterop Browser { get; set; } = default!;

    [Inject]
    private ILogger<QuestionBox> Logger { get; set; } = default!;

    [Parameter]
    public string Text { get; set; } = "";

    [Parameter]
    public EventCallback<string> TextChanged { get; set; }

    [Parameter]
    public int MaxLength { get; set; } = 8_000;

    /// <summary>An answer is being written: the stop button replaces the send button.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Asking is impossible (the corpus is still being built).</summary>
    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public EventCallback<string> OnSend { get; set; }

    [Parameter]
    public EventCallback OnStop { get; set; }

    /// <summary>Extra controls next to the send button (filters).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    private bool CanSend => !Busy && !Disabled && !string.IsNullOrWhiteSpace(Text) && !TooLong;

    private bool TooLong => Text.Length > MaxLength;

    private string TooLongText => string.Format(
        German, "Die Frage ist zu lang: {0:N0} Zeichen, höchstens {1:N0}. Bitte kürzen Sie sie.", Text.Length, MaxLength);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                await Browser.AttachQuestionBoxAsync(InputId);
            }
            catch (JSException exception)
            {
                ChatLog.BrowserCallFailed(Logger, exception);
            }
        }
    }

    private async Task OnTextChangedAsync(string? value)
    {
        Text = value ?? "";
        await TextChanged.InvokeAsync(Text);
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter" && !e.ShiftKey)
        {
            await SendAsync();
        }
    }

    private async Task SendAsync()
    {
        if (CanSend)
        {
            await OnSend.InvokeAsync(Text.Trim());
        }
    }
}
