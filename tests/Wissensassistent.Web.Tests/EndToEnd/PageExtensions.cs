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
}
