using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Evaluation;
using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Ui.Tests.Components;

public sealed class DatasetsPageTests : ComponentTest
{
    [Fact]
    public void With_no_datasets_it_says_what_to_do_first()
    {
        var page = Render<Datasets>();
        Assert.Contains("No datasets yet", page.Find("[data-testid=empty-state]").TextContent);
        Assert.Contains("up to 0 MiB", page.Markup.Replace("0.0", "0"));
    }

    [Fact]
    public void Datasets_are_listed_with_their_status_and_size()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-2", "still coming", ResourceStatus.Pending));
        var page = Render<Datasets>();
        var rows = page.FindAll("[data-testid=dataset-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("ml-100k", rows[0].TextContent);
        Assert.Contains("16,408", rows[0].TextContent);
        Assert.Contains("pending", rows[1].TextContent);
    }

    [Fact]
    public void The_demo_button_creates_the_demo_and_opens_it()
    {
        var page = Render<Datasets>();
        page.Find("[data-testid=demo-button]").Click();
        page.WaitForAssertion(() => Assert.EndsWith("/datasets/ds-demo", Context.Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Contains(Sandbox.Requests, r => r is ValueTuple<string, string, int> { Item1: "demo" });
    }

    [Fact]
    public void A_rejected_file_shows_the_reason_with_its_line_and_the_import_button_waits_for_a_file()
    {
        Sandbox.ImportFailure = SandboxException.Invalid("bad.data:2:rating", "bad.data:2: field 'rating': 'five' is not a number");
        var page = Render<Datasets>();
        Assert.True(page.Find("[data-testid=upload-button]").HasAttribute("disabled"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("1\t1\t4\t0\n1\t2\tfive\t0\n", "bad.data"));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=upload-button]").HasAttribute("disabled")));
        page.Find("[data-testid=upload-button]").Click();

        page.WaitForAssertion(() => Assert.Contains("bad.data:2: field 'rating'", page.Find("[data-testid=upload-error]").TextContent));
        Assert.Contains("nothing was stored", page.Find("[data-testid=upload-error]").TextContent);
        Snackbars.WaitForAssertion(() => Assert.Contains("'five' is not a number", Snackbars.Markup));
        Assert.Empty(Sandbox.Datasets);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_sent()
    {
        var page = Render<Datasets>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(new string('1', 2000), "big.csv"));
        page.WaitForAssertion(() => Assert.Contains("over the limit", page.Find("[data-testid=upload-error]").TextContent));
        Assert.True(page.Find("[data-testid=upload-button]").HasAttribute("disabled"));
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void An_unreachable_server_shows_a_warning_instead_of_a_blank_page()
    {
        Sandbox.Failure = new TimeoutException("no silo");
        var page = Render<Datasets>();
        Assert.Contains("did not answer", page.Find("[data-testid=refresh-error]").TextContent);
    }
}

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

public sealed class GeneratorsPageTests : ComponentTest
{
    [Fact]
    public void Without_a_source_it_points_to_the_datasets_page()
    {
        var page = Render<Generators>();
        Assert.Contains("No source dataset yet", page.Markup);
        Assert.Contains("No generators yet", page.Markup);
    }

    [Fact]
    public void Training_sends_the_advanced_settings()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        var page = Render<Generators>();
        page.Find("[data-testid=iterations] input, input[data-testid=iterations]").Change("300");
        page.Find("[data-testid=train-generator]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        var request = Assert.IsType<GeneratorRequest>(Sandbox.Requests[0]);
        Assert.Equal(("ds-1", 300, 10), (request.SourceDatasetId, request.Options.Iterations, request.Options.PretrainEpochs));
        Snackbars.WaitForAssertion(() => Assert.Contains("Training started", Snackbars.Markup));
    }

    [Fact]
    public void A_running_generator_shows_progress_eta_and_cancel_and_a_finished_one_its_losses()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-running", "ds-1", ResourceStatus.Pending, "job-1"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-done", "ds-1"));
        Sandbox.Jobs.Add(Fixtures.Job("job-1", JobKind.TrainGenerator, "gen-running", JobState.Running, 0.4) with
        {
            Progress = new StageProgress("gan", 400, 1000, new Dictionary<string, double> { [MetricNames.DiscriminatorLoss] = 0.69, [MetricNames.GeneratorLoss] = 0.7 }),
            EtaSeconds = 42,
        });
        var page = Render<Generators>();

        var progress = page.Find("[data-testid=job-progress]");
        Assert.Contains("about 42 s left", progress.TextContent);
        page.FindAll("[data-testid=job-progress] button").Single(b => b.TextContent.Contains("Cancel")).Click();
        page.WaitForAssertion(() => Assert.Equal(["job-1"], Sandbox.Cancelled));
        // The running one draws its live losses; the finished one its stored curve.
        Assert.Equal(4, page.FindAll("[data-testid=losses] polyline").Count);
    }

    [Fact]
    public void A_refused_request_shows_its_reason()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        var page = Render<Generators>();
        Sandbox.Failure = SandboxException.Invalid("options.iterations", "options.iterations: 0 must be at least 1");
        page.Find("[data-testid=train-generator]").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains("must be at least 1", Snackbars.Markup));
    }
}

public sealed class SyntheticPageTests : ComponentTest
{
    [Fact]
    public void Without_a_generator_it_points_to_training_one()
    {
        var page = Render<Synthetic>();
        Assert.Contains("No trained generator yet", page.Markup);
    }

    [Fact]
    public void Presets_fill_the_paper_settings_and_create_sends_them()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Synthetic>();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "8,000 users").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "3M samples").Click();
        page.Find("[data-testid=create-synthetic]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        var request = Assert.IsType<SyntheticRequest>(Sandbox.Requests[0]);
        Assert.Equal(("gen-1", 8000, 4000, 3_000_000L, 2.5, "matched"), (request.GeneratorId, request.Users, request.Items, request.Samples, request.NoiseStd, request.Variant.Name()));
        Assert.Null(request.Ratings);
    }

    [Fact]
    public void Like_the_source_asks_for_the_sources_density_at_the_requested_size()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Synthetic>();
        page.Find("[data-testid=like-source]").Click();
        page.Find("[data-testid=create-synthetic]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        var request = Assert.IsType<SyntheticRequest>(Sandbox.Requests[0]);
        var density = Sandbox.Datasets.Single(d => d.Id == "ds-1").Stats!.Density;
        Assert.Equal("matched", request.Variant.Name());
        Assert.Equal((long)Math.Round(density * 2000 * 4000), request.Ratings);
    }

    [Fact]
    public void A_synthetic_dataset_shows_its_fidelity_report()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Datasets.Add(Fixtures.Synthetic("ds-2", "ds-1"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Synthetic>();
        Assert.Contains("Fidelity against the source (demo)", page.Find("[data-testid=fidelity]").TextContent);
    }
}

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
}

public sealed class RecommendPageTests : ComponentTest
{
    [Fact]
    public void Without_a_trained_model_it_points_to_the_models_page()
    {
        var page = Render<Recommend>();
        Assert.Contains("No trained model yet", page.Markup);
    }

    [Fact]
    public void A_random_synthetic_user_gets_the_top_n_with_latency_and_known_ratings()
    {
        Sandbox.Datasets.Add(Fixtures.Synthetic("ds-2", "ds-1"));
        Sandbox.Models.Add(Fixtures.Model("model-1", "ds-2", "ncf-classification"));
        Sandbox.Users["ds-2"] = ["7"];
        Sandbox.Recommendations["model-1"] = [new Recommendation { Item = "42", Score = 4, PredictedRating = 4, Reliability = 0.61 }];
        var page = Render<Recommend>();

        Assert.Contains("Random synthetic user", page.Find("[data-testid=random-user]").TextContent);
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=random-user]").HasAttribute("disabled")));
        page.Find("[data-testid=random-user]").Click();
        page.Find("[data-testid=recommend]").Click();

        page.WaitForAssertion(() => Assert.Contains("Top 1 for user 7", page.Find("[data-testid=top-n]").TextContent));
        Assert.Contains("61", page.Find("[data-testid=top-n] tbody").TextContent);
        Assert.EndsWith("ms", page.Find("[data-testid=latency]").TextContent.Trim());
        Assert.Contains("known-1", page.Find("[data-testid=known]").TextContent);
    }

    [Fact]
    public void A_model_that_cannot_answer_shows_why()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Models.Add(Fixtures.Model("model-1", "ds-1", "ncf"));
        Sandbox.Users["ds-1"] = ["1"];
        var page = Render<Recommend>();
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=random-user]").HasAttribute("disabled")));
        page.Find("[data-testid=random-user]").Click();
        page.Find("[data-testid=recommend]").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains("not trained", Snackbars.Markup));
        Assert.Empty(page.FindAll("[data-testid=top-n]"));
    }
}

public sealed class JobsPageTests : ComponentTest
{
    [Fact]
    public void Jobs_show_state_progress_and_errors_with_cancel_and_restart()
    {
        Sandbox.Jobs.Add(Fixtures.Job("job-run", JobKind.TrainModel, "model-1", JobState.Running, 0.3));
        Sandbox.Jobs.Add(Fixtures.Job("job-bad", JobKind.TrainGenerator, "gen-1", JobState.Failed, 0.1, "out of memory: ask for fewer samples"));
        Sandbox.Jobs.Add(Fixtures.Job("job-ok", JobKind.GenerateSynthetic, "ds-9", JobState.Succeeded, 1) with { Restarts = 1 });
        var page = Render<Jobs>();

        var rows = page.FindAll("[data-testid=job-table] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("out of memory", page.Find("[data-testid=job-error]").TextContent);
        Assert.Contains("restarted 1×", rows[2].TextContent);
        Assert.Empty(rows[2].QuerySelectorAll("button"));

        rows[0].QuerySelectorAll("button").Single().Click();
        page.WaitForAssertion(() => Assert.Equal(["job-run"], Sandbox.Cancelled));
        page.FindAll("[data-testid=job-table] tbody tr")[1].QuerySelectorAll("button").Single().Click();
        page.WaitForAssertion(() => Assert.Equal(["job-bad"], Sandbox.Retried));
    }

    [Fact]
    public void No_jobs_means_an_explanation()
    {
        var page = Render<Jobs>();
        Assert.Contains("No jobs yet", page.Markup);
    }
}

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
