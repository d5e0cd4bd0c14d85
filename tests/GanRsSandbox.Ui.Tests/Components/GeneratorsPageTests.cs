using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Ui.Tests.Components;

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
    public void A_generator_shows_the_game_it_was_trained_with()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-w", "ds-1") with { Options = new GeneratorSettings { Objective = GanObjective.Wasserstein } });
        Sandbox.Generators.Add(Fixtures.Generator("gen-s", "ds-1"));
        var page = Render<Generators>();
        Assert.Equal(["wasserstein", "standard"], page.FindAll("[data-testid=generator-objective]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void A_source_with_side_information_offers_its_attributes_as_a_condition()
    {
        var source = Fixtures.Dataset("ds-1", "ml-100k");
        Sandbox.Datasets.Add(source with { Stats = source.Stats! with { Groups = [DatasetDetailPageTests.Gender] } });
        Sandbox.Generators.Add(Fixtures.Generator("gen-c", "ds-1") with { Condition = "gender", ConditionValues = ["F", "M"] });
        var page = Render<Generators>();
        Assert.Single(page.FindAll("[data-testid=condition]"));
        Assert.Equal("gender (F, M)", page.Find("[data-testid=generator-condition]").TextContent.Trim());
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

    [Fact]
    public void Pushed_progress_moves_the_bar_without_the_page_asking_again()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-running", "ds-1", ResourceStatus.Pending, "job-1"));
        var job = Fixtures.Job("job-1", JobKind.TrainGenerator, "gen-running", JobState.Running, 0.4) with
        {
            Progress = new StageProgress("gan", 400, 1000),
        };
        Sandbox.Jobs.Add(job);
        var page = Render<Generators>();
        Assert.Contains("400/1,000", page.Find("[data-testid=job-progress]").TextContent);

        // The job moves on: nothing shows it until the cluster pushes the change.
        var moved = job with { Progress = new StageProgress("gan", 700, 1000, new Dictionary<string, double> { [MetricNames.HeldRatingTvd] = 0.031 }) };
        Sandbox.Jobs[Sandbox.Jobs.IndexOf(job)] = moved;
        Assert.Contains("400/1,000", page.Find("[data-testid=job-progress]").TextContent);
        Sandbox.Push(new SandboxEvent { Kind = RegistryEntryKind.Job, Id = "job-1", Job = moved, ProgressOnly = true });
        page.WaitForAssertion(() => Assert.Contains("700/1,000, held rating TVD 0.031", page.Find("[data-testid=job-progress]").TextContent));
    }
}
