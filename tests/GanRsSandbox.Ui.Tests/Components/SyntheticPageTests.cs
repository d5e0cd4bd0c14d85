using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Ui.Tests.Components;

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
    public void Scenario_presets_send_the_cold_start_share_and_an_unbalanced_histogram_of_the_sources_scale()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Synthetic>();
        page.Find("[data-testid=scenario-panel] .mud-expand-panel-header").Click();
        page.Find("[data-testid=preset-cold-users]").Click();
        page.Find("[data-testid=preset-unbalanced]").Click();
        page.Find("[data-testid=preset-skew]").Click();
        page.Find("[data-testid=create-synthetic]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        var request = Assert.IsType<SyntheticRequest>(Sandbox.Requests[0]);
        Assert.Equal(new Ml.Scenarios.ColdStart(0.3, 5), request.ColdUsers);
        Assert.Null(request.ColdItems);
        Assert.Equal(2, request.PopularitySkew);
        var scale = Sandbox.Datasets.Single(d => d.Id == "ds-1").Stats!.Histogram.Keys.Order().ToList();
        Assert.Equal(scale, request.RatingShares!.Keys.Order());
        Assert.Equal(1, request.RatingShares.Values.Sum(), 2);
        Assert.Equal(request.RatingShares.Values.Max(), request.RatingShares[scale[^1]]);
        Assert.True(request.PopularityLiking);
    }

    [Fact]
    public void Popularity_and_liking_can_be_unlinked()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Synthetic>();
        page.Find("[data-testid=scenario-panel] .mud-expand-panel-header").Click();
        page.Find("[data-testid=popularity-liking] input, input[data-testid=popularity-liking]").Change(false);
        page.WaitForAssertion(() => Assert.Contains("Scenario (set)", page.Markup));
        page.Find("[data-testid=create-synthetic]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        Assert.False(Assert.IsType<SyntheticRequest>(Sandbox.Requests[0]).PopularityLiking);
    }

    [Fact]
    public void A_malformed_rating_histogram_is_named_and_blocks_creating()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Synthetic>();
        page.Find("[data-testid=scenario-panel] .mud-expand-panel-header").Click();
        page.Find("[data-testid=rating-shares] input, input[data-testid=rating-shares]").Input("5=half");
        page.WaitForAssertion(() => Assert.Contains("'5=half' is not VALUE=SHARE", page.Markup));
        Assert.True(page.Find("[data-testid=create-synthetic]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_wasserstein_generator_is_sampled_with_the_wgan_variant()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-w", "ds-1") with { Options = new GeneratorSettings { Objective = GanObjective.Wasserstein } });
        var page = Render<Synthetic>();
        Assert.Contains("(Wasserstein)", page.Markup);
        page.Find("[data-testid=create-synthetic]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        Assert.Equal(GanrsVariant.Wgan, Assert.IsType<SyntheticRequest>(Sandbox.Requests[0]).Variant);
    }

    [Fact]
    public void Balanced_groups_of_a_conditional_generator_send_equal_shares()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-c", "ds-1") with { Condition = "gender", ConditionValues = ["F", "M"] });
        var page = Render<Synthetic>();
        page.Find("[data-testid=scenario-panel] .mud-expand-panel-header").Click();
        page.Find("[data-testid=preset-balanced]").Click();
        page.Find("[data-testid=create-synthetic]").Click();
        page.WaitForAssertion(() => Assert.Single(Sandbox.Requests));
        var request = Assert.IsType<SyntheticRequest>(Sandbox.Requests[0]);
        Assert.Equal(new Dictionary<string, double> { ["F"] = 0.5, ["M"] = 0.5 }, request.GroupShares);
    }

    [Fact]
    public void An_unconditional_generator_offers_no_group_shares()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "demo"));
        Sandbox.Generators.Add(Fixtures.Generator("gen-1", "ds-1"));
        var page = Render<Synthetic>();
        page.Find("[data-testid=scenario-panel] .mud-expand-panel-header").Click();
        Assert.True(page.Find("[data-testid=preset-balanced]").HasAttribute("disabled"));
        Assert.Contains("needs a generator conditioned on a user attribute", page.Markup);
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
