using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace GanRsSandbox.BlazorUi.Components.Shared;

/// <summary>An SVG &lt;text&gt; element: Razor reserves that tag name inside code blocks, so the charts emit it from here.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public string X { get; set; } = "0";
    [Parameter] public string Y { get; set; } = "0";
    [Parameter] public string Class { get; set; } = "tick";
    [Parameter] public string Anchor { get; set; } = "middle";
    [Parameter] public string? Transform { get; set; }
    [Parameter] public string? Text { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", Class);
        if (Transform is null)
        {
            builder.AddAttribute(2, "x", X);
            builder.AddAttribute(3, "y", Y);
        }
        else
        {
            builder.AddAttribute(4, "transform", Transform);
        }
        builder.AddAttribute(5, "text-anchor", Anchor);
        builder.AddContent(6, Text);
        builder.CloseElement();
    }
}
