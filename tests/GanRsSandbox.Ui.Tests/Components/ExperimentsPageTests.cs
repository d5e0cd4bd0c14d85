using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Ui.Tests.Components;

public sealed class ExperimentsPageTests : ComponentTest
{
    [Fact]
    public void Without_a_source_or_an_experiment_it_says_what_to_do()
    {
        var page = Render<Experiments>();
        Assert.Contains("No source dataset yet", page.Markup);
        Assert.Contains("No experiments yet", page.Markup);
    }

    [Fact]
    public void Running_the_grid_sends_the_preset_and_the_overrides()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        var page = Render<Experiments>();
        page.Find("[data-testid=experiment-epochs] input, input[data-testid=experiment-epochs]").Change("2");
        page.Find("[data-testid=start-experiment]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        var request = Assert.IsType<ExperimentRequest>(Sandbox.Requests[0]);
        Assert.Equal(("ds-1", "quick", 1, 2), (request.SourceDatasetId, request.Preset, request.Seed, request.Epochs));
    }

    [Fact]
    public async Task The_grid_runs_on_a_scenario_preset_built_from_the_sources_scale()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        var page = Render<Experiments>();
        Assert.Null(await StartWith(page, null));
        Assert.Equal(Ml.Scenarios.ScenarioPresets.ColdUsers, (await StartWith(page, "cold-users"))!.ColdUsers);
        var unbalanced = (await StartWith(page, "unbalanced-ratings"))!.RatingShares!;
        Assert.Equal([1.0, 2, 3, 4, 5], unbalanced.Keys.Order());
        Assert.Equal(0.5 / (1 - Math.Pow(0.5, 5)), unbalanced[5], 9);
        Assert.False((await StartWith(page, "popularity-unlinked"))!.PopularityLiking);
    }

    private async Task<SampleOptions?> StartWith(IRenderedComponent<Experiments> page, string? scenario)
    {
        if (scenario is not null)
        {
            var select = page.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Scenario");
            await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(scenario));
        }
        Sandbox.Requests.Clear();
        page.Find("[data-testid=start-experiment]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        return Assert.IsType<ExperimentRequest>(Sandbox.Requests[0]).Scenario;
    }

    [Fact]
    public void The_grid_fills_in_as_cells_finish_with_agreement_trends_and_downloads()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        var curve = Fixtures.Model("m", "ds-1", "ncf").Curves;
        Sandbox.Experiments.Add(new ExperimentInfo
        {
            Id = "exp-1",
            Request = new ExperimentRequest { SourceDatasetId = "ds-1" },
            SourceName = "ml-100k",
            Status = ResourceStatus.Ready,
            CreatedAt = DateTimeOffset.UnixEpoch,
            PlannedDatasets = ["source", "ganrs-2000u-80k"],
            PlannedModels = [BaselineKind.DeepMf, BaselineKind.Ncf],
            Results = new ExperimentReport("quick", "ml-100k", 1, GanrsVariant.Matched, EvaluationProtocol.TestItems, 5,
                [new GridDataset("source", true, 943, 1682, 100_000, null, false, null)],
                [new GridCell("source", BaselineKind.Ncf, null, null, 0, curve)],
                [new TrendCheck("source", "precision falls as N grows", true, "0.4 → 0.3")],
                [
                    new RankingAgreement("ganrs-2000u-80k", 0.467, [], [BaselineKind.Ncf, BaselineKind.DeepMf], 2, -0.2)
                    {
                        Verdict = new RankingVerdict(EvaluationProtocol.Thresholded, 4, 10, [1, 2, 3], 0.733, 0.867, true, false, 0.1, []),
                    },
                ],
                0),
        });
        var page = Render<Experiments>();

        var cells = page.FindAll("[data-testid=grid-cell]").Select(c => c.TextContent).ToList();
        // source: deepmf pending, ncf F1@10 = 0.3 + 10 * 0.02; the synthetic row still pending.
        Assert.Equal(["…", "0.500", "…", "…"], cells);
        var agreement = page.Find("[data-testid=agreement]").TextContent;
        Assert.Contains("0.733", page.Find("[data-testid=verdict-tau]").TextContent);
        Assert.Contains("0.867", agreement);
        Assert.Contains("thresholded, ≥ 4, seeds 1,2,3", agreement);
        Assert.Contains("yes / no", agreement);
        Assert.Contains("precision falls as N grows", page.Find("[data-testid=trends]").TextContent);
        Assert.Single(page.FindAll("[data-testid=experiment-chart] polyline"));
        Assert.Equal("/api/experiments/exp-1/files/results.csv", page.Find("[data-testid=download-csv]").GetAttribute("href"));
    }
}
