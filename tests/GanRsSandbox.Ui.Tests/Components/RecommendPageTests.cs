using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Ui.Tests.Components;

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

    [Fact]
    public void A_random_user_is_one_with_something_left_to_recommend()
    {
        // The synthetic set has 60 items; "full" has rated every one of them.
        Sandbox.Datasets.Add(Fixtures.Synthetic("ds-2", "ds-1"));
        Sandbox.Models.Add(Fixtures.Model("model-1", "ds-2", "ncf"));
        Sandbox.Users["ds-2"] = ["full", "open"];
        Sandbox.Known["full"] = Enumerable.Range(0, 60).Select(i => new KnownRating { Item = $"{i}", Rating = 4 }).ToList();
        Sandbox.Recommendations["model-1"] = [new Recommendation { Item = "42", Score = 4 }];
        var page = Render<Recommend>();

        page.Find("[data-testid=random-user]").Click();
        page.Find("[data-testid=recommend]").Click();
        page.WaitForAssertion(() => Assert.Contains("Top 1 for user open", page.Find("[data-testid=top-n]").TextContent));
    }

    [Fact]
    public void A_user_who_rated_every_item_is_told_so()
    {
        Sandbox.Datasets.Add(Fixtures.Synthetic("ds-2", "ds-1"));
        Sandbox.Models.Add(Fixtures.Model("model-1", "ds-2", "ncf"));
        Sandbox.Users["ds-2"] = ["full"];
        Sandbox.Known["full"] = Enumerable.Range(0, 60).Select(i => new KnownRating { Item = $"{i}", Rating = 4 }).ToList();
        Sandbox.Recommendations["model-1"] = [];
        var page = Render<Recommend>();

        page.Find("[data-testid=random-user]").Click();
        page.Find("[data-testid=recommend]").Click();
        page.WaitForAssertion(() => Assert.Contains("nothing left to recommend", page.Find("[data-testid=nothing-left]").TextContent));
    }
}
