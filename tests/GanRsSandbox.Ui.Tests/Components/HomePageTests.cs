using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;

namespace GanRsSandbox.Ui.Tests.Components;

public sealed class HomePageTests : ComponentTest
{
    [Fact]
    public void The_overview_counts_what_exists()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Datasets.Add(Fixtures.Synthetic("ds-2", "ds-1"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Home>();
        Assert.Equal("1", page.Find("[data-testid=count-1]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=count-2]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=count-3]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=count-4]").TextContent);
    }
}
