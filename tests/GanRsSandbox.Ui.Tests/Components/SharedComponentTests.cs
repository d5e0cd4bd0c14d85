using Bunit;
using GanRsSandbox.BlazorUi.Components.Shared;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Ui.Tests.Components;

public sealed class SharedComponentTests : ComponentTest
{
    [Fact]
    public void A_line_chart_draws_one_line_per_series_with_labelled_axes_and_a_legend()
    {
        var chart = Render<LineChart>(p => p
            .Add(x => x.Series, [new ChartSeries("ncf", [0.3, 0.4, 0.5], [2, 4, 6]), new ChartSeries("deepmf", [0.2, 0.3, 0.35], [2, 4, 6])])
            .Add(x => x.XTitle, "N")
            .Add(x => x.YTitle, "F1"));
        Assert.Equal(2, chart.FindAll("polyline").Count);
        Assert.Equal(6, chart.FindAll("circle").Count);
        var labels = chart.FindAll("text").Select(t => t.TextContent).ToList();
        Assert.Contains("N", labels);
        Assert.Contains("F1", labels);
        Assert.Contains("0.5", labels);
        Assert.Contains("deepmf", chart.Find(".sandbox-legend").TextContent);
    }

    [Fact]
    public void An_empty_line_chart_says_so()
    {
        var chart = Render<LineChart>(p => p.Add(x => x.Series, []).Add(x => x.XTitle, "x").Add(x => x.YTitle, "y").Add(x => x.EmptyText, "Nothing yet."));
        Assert.Contains("Nothing yet.", chart.Markup);
        Assert.Empty(chart.FindAll("svg"));
    }

    [Fact]
    public void A_bar_chart_draws_a_bar_per_category_and_series()
    {
        var chart = Render<BarChart>(p => p
            .Add(x => x.Categories, ["1", "2", "3"])
            .Add(x => x.Series, [new ChartSeries("source", [10, 20, 30]), new ChartSeries("synthetic", [12, 18, 30])])
            .Add(x => x.XTitle, "rating")
            .Add(x => x.YTitle, "share"));
        Assert.Equal(6, chart.FindAll("rect").Count);
        Assert.Contains("rating", chart.FindAll("text").Select(t => t.TextContent));
    }

    [Fact]
    public void Job_progress_shows_eta_and_cancel_only_while_running_and_the_error_when_failed()
    {
        var running = Render<JobProgressView>(p => p.Add(x => x.Job, Fixtures.Job("job-1", JobKind.TrainModel, "m", JobState.Running, 0.5)));
        Assert.Contains("about 42 s left", running.Markup);
        Sandbox.Jobs.Add(Fixtures.Job("job-1", JobKind.TrainModel, "m", JobState.Running, 0.5));
        running.Find("button").Click();
        running.WaitForAssertion(() => Assert.Equal(["job-1"], Sandbox.Cancelled));

        var failed = Render<JobProgressView>(p => p.Add(x => x.Job, Fixtures.Job("job-2", JobKind.TrainModel, "m", JobState.Failed, 0.2, "the dataset was deleted")));
        Assert.Empty(failed.FindAll("button"));
        Assert.Contains("the dataset was deleted", failed.Find(".mud-alert").TextContent);
    }

    [Fact]
    public void Status_chips_and_empty_states_render_their_text()
    {
        Assert.Contains("mud-chip-color-success", Render<StatusChip>(p => p.Add(x => x.Text, "ready")).Markup);
        Assert.Contains("mud-chip-color-error", Render<StatusChip>(p => p.Add(x => x.Text, "failed")).Markup);
        var empty = Render<EmptyState>(p => p.Add(x => x.Title, "Nothing here").Add(x => x.ActionText, "Add one").Add(x => x.ActionHref, "/datasets"));
        Assert.Contains("Nothing here", empty.Markup);
        Assert.Equal("/datasets", empty.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Stat_cards_and_fidelity_view_show_their_figures()
    {
        var cards = Render<StatCards>(p => p.Add(x => x.Stats, Fixtures.Stats()));
        Assert.Contains("0.423", cards.Markup);
        var fidelity = Render<FidelityView>(p => p.Add(x => x.Report, Fixtures.Synthetic("ds-2", "ds-1").Fidelity!));
        Assert.Contains("0.392", fidelity.Markup);
        Assert.Contains("0.961", fidelity.Find("[data-testid=reference-rmse]").TextContent);
        var scorecard = fidelity.Find("[data-testid=scorecard]");
        Assert.Equal(3, scorecard.QuerySelectorAll("tbody tr").Length);
        Assert.Single(scorecard.QuerySelectorAll("[data-testid=pass]"));
        Assert.Single(scorecard.QuerySelectorAll("[data-testid=fail]"));
        Assert.Contains("not measured", scorecard.TextContent);
        Assert.Contains("2,981", fidelity.Markup);
        Assert.Empty(fidelity.FindAll("[data-testid=scenario]"));
    }

    [Fact]
    public void The_fidelity_view_shows_what_a_scenario_asked_for_next_to_what_it_got()
    {
        var report = Fixtures.Synthetic("ds-2", "ds-1").Fidelity! with
        {
            Scenario = [new("users with at most 5 ratings (share)", 0.0, 0.301, 0.3), new("ρ items, popularity vs mean rating (unlinked)", 0.503, -0.03, 0)],
        };
        var rows = Render<FidelityView>(p => p.Add(x => x.Report, report)).Find("[data-testid=scenario]").QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal(["users with at most 5 ratings (share)", "0", "0.301", "0.3"], rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal("-0.03", rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Theory]
    [InlineData(0.13, 0.2)]
    [InlineData(0.7, 1)]
    [InlineData(3, 5)]
    [InlineData(45, 50)]
    [InlineData(1200, 2000)]
    public void Axis_steps_are_one_two_or_five_times_a_power_of_ten(double rough, double expected) =>
        Assert.Equal(expected, ChartMath.NiceStep(rough), 9);

    [Fact]
    public void Axes_cover_the_data_with_round_ticks()
    {
        var (min, max, ticks) = ChartMath.Axis([0.12, 0.77]);
        Assert.Equal(0, min);
        Assert.True(max >= 0.77);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8], ticks);
        Assert.Equal([500, 1000, 1500], ChartMath.Axis([200, 1500], 200, 1500).Ticks);
        Assert.Equal([2, 4, 6, 8, 10], ChartMath.Axis([2, 10], 2, 10).Ticks);
        Assert.Equal("12K", ChartMath.Label(12_000, 1000));
        Assert.Equal("0.25", ChartMath.Label(0.25, 0.05));
    }
}
