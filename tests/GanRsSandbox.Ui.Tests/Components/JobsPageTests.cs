using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Ui.Tests.Components;

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
