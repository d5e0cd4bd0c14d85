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
}
