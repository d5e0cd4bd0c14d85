using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Ui.Tests.Components;

public sealed class ModelsPageTests : ComponentTest
{
    [Fact]
    public void All_six_starts_six_trainings_with_the_chosen_epochs()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        var page = Render<Models>();
        Assert.Contains("No trained models yet", page.Markup);
        page.Find("[data-testid=epochs] input, input[data-testid=epochs]").Change("3");
        page.Find("[data-testid=train-models]").Click();
        page.WaitForAssertion(() => Assert.Equal(6, Sandbox.Requests.Count));
        Assert.All(Sandbox.Requests.Cast<ModelRequest>(), r => Assert.Equal(("ds-1", 3), (r.DatasetId, r.Options.Epochs)));
        Assert.Equal(["deepmf", "vdeepmf", "ncf", "ncf-classification", "ncf-improved", "ncf-binary"], Sandbox.Requests.Cast<ModelRequest>().Select(r => r.Kind.Name()));
    }

    [Fact]
    public void Results_show_errors_and_one_curve_per_model_and_training_shows_progress()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Models.Add(Fixtures.Model("model-1", "ds-1", "ncf"));
        Sandbox.Models.Add(Fixtures.Model("model-2", "ds-1", "deepmf"));
        Sandbox.Models.Add(Fixtures.Model("model-3", "ds-1", "vdeepmf", ResourceStatus.Pending, "job-3"));
        Sandbox.Jobs.Add(Fixtures.Job("job-3", JobKind.TrainModel, "model-3", JobState.Running, 0.5));
        var page = Render<Models>();

        var rows = page.FindAll("[data-testid=error-table] tbody tr");
        Assert.Equal(["deepmf", "ncf"], rows.Select(r => r.Children[0].TextContent));
        Assert.Equal(2, page.FindAll("[data-testid=f1-chart] polyline").Count);
        Assert.Contains("N (recommended items)", page.Find("[data-testid=f1-chart]").TextContent);
        Assert.Contains("vdeepmf on demo", page.Find("[data-testid=job-progress]").TextContent);
    }

    [Fact]
    public void Each_dataset_column_breaks_f1_down_by_segment_with_the_gap()
    {
        static IReadOnlyList<SegmentCurve> Activity(double cold, double regular, double heavy) =>
            new[] { ("cold", cold), ("regular", regular), ("heavy", heavy) }.Select(s => new SegmentCurve("activity", s.Item1, 100,
                [new CurvePoint(EvaluationProtocol.TestItems, 4, 10, 0.5, 0.5, s.Item2)])).ToList();
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Datasets.Add(Fixtures.Synthetic("ds-2", "ds-1"));
        Sandbox.Models.Add(Fixtures.Model("model-1", "ds-1", "ncf") with { Segments = Activity(0.3, 0.4, 0.25) });
        Sandbox.Models.Add(Fixtures.Model("model-2", "ds-2", "ncf") with { Segments = Activity(0.2, 0.5, 0.45) });
        var page = Render<Models>();

        var tables = page.FindAll("[data-testid=fairness-activity]");
        Assert.Equal(2, tables.Count);
        // A row per segment, a column per model, the gap last.
        Assert.Equal(["0.300", "0.400", "0.250", "0.150"], tables[0].QuerySelectorAll("tbody tr").Select(r => r.Children[1].TextContent.Trim()));
        Assert.Equal(["0.200", "0.500", "0.450", "0.300"], tables[1].QuerySelectorAll("tbody tr").Select(r => r.Children[1].TextContent.Trim()));
        Assert.Equal("cold (100 users)", tables[0].QuerySelector("tbody tr td")!.TextContent.Trim());
        Assert.Equal("ncf", tables[0].QuerySelectorAll("thead th")[1].TextContent.Trim());
    }

    [Fact]
    public void A_model_whose_predictions_were_kept_links_to_their_download()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Models.Add(Fixtures.Model("model-1", "ds-1", "ncf") with { Predictions = new ArtifactRef { Hash = new string('a', 64), Bytes = 10 } });
        Sandbox.Models.Add(Fixtures.Model("model-2", "ds-1", "deepmf"));
        var page = Render<Models>();

        var links = page.FindAll("[data-testid=predictions-download]");
        Assert.Single(links);
        Assert.Equal("/api/models/model-1/predictions", links[0].GetAttribute("href"));
    }
}
