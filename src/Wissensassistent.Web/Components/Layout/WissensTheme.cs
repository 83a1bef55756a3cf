using MudBlazor;

namespace Wissensassistent.Web.Components.Layout;

/// <summary>A sober theme for public administration: dark blue, grey, white; no external fonts.</summary>
public static class WissensTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#4f5d6b",
            Tertiary = "#2f6f6a",
            Info = "#1b5fa6",
            Success = "#2e6b30",
            Warning = "#8a5300",
            Error = "#a4262c",
            AppbarBackground = "#1b3a5c",
            AppbarText = "#ffffff",
            Background = "#f4f5f7",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1b1f24",
            TextSecondary = "#4a525c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "sans-serif"],
            },
            Button = new ButtonTypography
            {
                TextTransform = "none",
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "4px",
        },
    };
}
