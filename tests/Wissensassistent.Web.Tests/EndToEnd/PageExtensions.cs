using Microsoft.Playwright;

namespace Wissensassistent.Web.Tests.EndToEnd;

internal static class PageExtensions
{
    /// <summary>The source panel slides in; a screenshot taken earlier shows it half outside the window.</summary>
    public static Task WaitForSourcePanelSettledAsync(this IPage page) =>
        page.WaitForFunctionAsync(
            "() => { const r = document.querySelector('.wa-source-panel')?.getBoundingClientRect(); return !!r && r.width > 0 && Math.abs(r.right - window.innerWidth) < 1; }",
            null,
            new PageWaitForFunctionOptions { Timeout = 10_000 });

    /// <summary>
    /// Waits until the question box belongs to the live circuit: a value typed into it must reach the server, which
    /// then enables the send button, and clearing it must disable the button again. Typing earlier can be lost while the
    /// first interactive renders replace the box (seen under load in CI).
    /// </summary>
    public static async Task WaitForLiveQuestionBoxAsync(this IPage page, float timeout)
    {
        var box = page.Locator("textarea#wa-question");
        var send = page.Locator("button.wa-send");
        await Assertions.Expect(box).ToBeEnabledAsync(new() { Timeout = timeout });
        await box.FillAsync("Probe");
        await Assertions.Expect(send).ToBeEnabledAsync(new() { Timeout = timeout });
        await box.FillAsync(string.Empty);
        await Assertions.Expect(send).ToBeDisabledAsync(new() { Timeout = timeout });
    }
}
