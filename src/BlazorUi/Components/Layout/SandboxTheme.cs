using MudBlazor;

namespace GanRsSandbox.BlazorUi.Components.Layout;

public static class SandboxTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
        },
    };
}
