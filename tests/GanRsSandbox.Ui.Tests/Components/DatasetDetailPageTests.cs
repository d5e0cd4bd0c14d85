using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;

namespace GanRsSandbox.Ui.Tests.Components;

public sealed class DatasetDetailPageTests : ComponentTest
{
    [Fact]
    public void A_source_shows_its_statistics_and_distribution_charts()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        var page = Render<DatasetDetail>(p => p.Add(x => x.Id, "ds-1"));
        Assert.Contains("16,408", page.Find("[data-testid=stat-cards]").TextContent);
        Assert.Equal(5, page.FindAll("[data-testid=histogram] rect").Count);
        Assert.Single(page.FindAll("[data-testid=user-tail] polyline"));
        Assert.Contains("user rank", page.Find("[data-testid=user-tail]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=fidelity]"));
    }

    [Fact]
    public void A_synthetic_dataset_shows_its_fidelity_against_the_source()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        Sandbox.Datasets.Add(Fixtures.Synthetic("ds-2", "ds-1"));
        var page = Render<DatasetDetail>(p => p.Add(x => x.Id, "ds-2"));
        var fidelity = page.Find("[data-testid=fidelity]");
        Assert.Contains("ml-100k", fidelity.TextContent);
        Assert.Equal("0.001", page.Find("[data-testid=rating-tvd]").TextContent);
        // Source and synthetic overlaid: two series in each distribution chart.
        Assert.Equal(10, page.FindAll("[data-testid=fidelity] [data-testid=histogram] rect").Count);
        Assert.Equal(6, page.FindAll("[data-testid=concentration] rect").Count);
    }

    [Fact]
    public void An_unknown_dataset_says_so()
    {
        var page = Render<DatasetDetail>(p => p.Add(x => x.Id, "ds-missing"));
        Assert.Contains("'ds-missing' does not exist", page.Find("[data-testid=refresh-error]").TextContent);
    }
}
