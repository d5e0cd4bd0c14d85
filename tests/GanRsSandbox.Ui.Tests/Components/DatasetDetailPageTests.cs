using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Ml.SideInfo;
using Microsoft.AspNetCore.Components.Forms;

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

    internal static readonly GroupBreakdown Gender = new("gender",
    [
        new UserGroup("M", 670, 0.71, 74_260, new Dictionary<double, double> { [1] = 0.06, [2] = 0.11, [3] = 0.27, [4] = 0.34, [5] = 0.22 }),
        new UserGroup("F", 273, 0.29, 25_740, new Dictionary<double, double> { [1] = 0.06, [2] = 0.12, [3] = 0.28, [4] = 0.34, [5] = 0.20 }),
    ]);

    [Fact]
    public void A_users_file_is_attached_from_the_page_and_its_groups_are_drawn()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        var page = Render<DatasetDetail>(p => p.Add(x => x.Id, "ds-1"));
        Assert.Contains("None yet", page.Find("[data-testid=side-info]").TextContent);
        Sandbox.Datasets[0] = Sandbox.Datasets[0] with { UsersFileName = "u.user", Stats = Sandbox.Datasets[0].Stats! with { Groups = [Gender] } };
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("1|24|M|technician|85711\n", "u.user"));
        page.WaitForAssertion(() => Assert.Equal(("ds-1", "u.user", 24), Assert.IsType<(string, string, int)>(Assert.Single(Sandbox.Requests))));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=group-sizes-gender] rect").Count));
        // Each group's histogram: two series of five ratings.
        Assert.Equal(10, page.FindAll("[data-testid=group-histograms-gender] rect").Count);
        Assert.Contains("Users from u.user", page.Find("[data-testid=side-info]").TextContent);
    }

    [Fact]
    public void An_items_file_draws_the_items_by_genre()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        var page = Render<DatasetDetail>(p => p.Add(x => x.Id, "ds-1"));
        var genres = new ItemGroupBreakdown("genre",
        [
            new ItemGroup("Drama", 725, 0.431, 39_895, new Dictionary<double, double> { [1] = 0.04, [2] = 0.09, [3] = 0.25, [4] = 0.37, [5] = 0.25 }),
            new ItemGroup("Comedy", 505, 0.300, 29_832, new Dictionary<double, double> { [1] = 0.08, [2] = 0.13, [3] = 0.29, [4] = 0.33, [5] = 0.18 }),
            new ItemGroup("Action", 251, 0.149, 25_589, new Dictionary<double, double> { [1] = 0.06, [2] = 0.13, [3] = 0.28, [4] = 0.33, [5] = 0.20 }),
        ]);
        Sandbox.Datasets[0] = Sandbox.Datasets[0] with { ItemsFileName = "u.item", Stats = Sandbox.Datasets[0].Stats! with { ItemGroups = [genres] } };
        page.FindComponents<InputFile>()[1].UploadFiles(InputFileContent.CreateFromText("1|Toy Story (1995)|||x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n", "u.item"));
        page.WaitForAssertion(() => Assert.Equal("items", ((ValueTuple<string, string, string, int>)Assert.Single(Sandbox.Requests)).Item1));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=group-sizes-genre] rect").Count));
        Assert.Equal(15, page.FindAll("[data-testid=group-histograms-genre] rect").Count);
        Assert.Contains("Items from u.item", page.Find("[data-testid=side-info]").TextContent);
    }

    [Fact]
    public void An_unknown_dataset_says_so()
    {
        var page = Render<DatasetDetail>(p => p.Add(x => x.Id, "ds-missing"));
        Assert.Contains("'ds-missing' does not exist", page.Find("[data-testid=refresh-error]").TextContent);
    }
}
