using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Tests;

public sealed class RatingScaleTests
{
    [Theory]
    [InlineData("1..5", 1, 5, 1, 5)]
    [InlineData("1-5", 1, 5, 1, 5)]
    [InlineData("0.5..5:0.5", 0.5, 5, 0.5, 10)]
    [InlineData("0..100:1", 0, 100, 1, 101)]
    [InlineData("0.5..5", 0.5, 5, 0.5, 10)]
    [InlineData("0..100", 0, 100, 1, 101)]
    [InlineData("-2..2", -2, 2, 1, 5)]
    [InlineData("1..1", 1, 1, 1, 1)]
    public void ParsesMinMaxAndStep(string text, double min, double max, double step, int classes)
    {
        Assert.True(RatingScale.TryParse(text, out var scale));
        Assert.Equal((min, max, step, classes), (scale.Min, scale.Max, scale.Step, scale.Classes));
        Assert.True(RatingScale.TryParse(scale.ToString(), out var again));
        Assert.Equal(scale, again);
    }

    [Theory]
    [InlineData("five", "not a scale")]
    [InlineData("5..1", "below its minimum")]
    [InlineData("1..5:0", "must be positive")]
    [InlineData("1..5:0.3", "does not reach its maximum")]
    [InlineData("0..100000:1", "at most 1001")]
    public void SaysWhatIsWrongWithABadScale(string text, string reason)
    {
        Assert.False(RatingScale.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void MapsValuesToClassesAndBack()
    {
        var scale = RatingScale.HalfStars;
        Assert.Equal(0, scale.ClassOf(0.5f));
        Assert.Equal(9, scale.ClassOf(5f));
        Assert.Equal(7, scale.ClassOf(4.1f));
        Assert.Equal(4.5, scale.ValueOf(8));
        Assert.True(scale.Contains(3.5f));
        Assert.False(scale.Contains(3.25f));
        Assert.False(scale.Contains(0f));
        var tenths = new RatingScale(0, 1, 0.1);
        Assert.Equal(0.3, tenths.ValueOf(3));
        Assert.True(tenths.Contains(0.7f));
    }

    [Fact]
    public void DetectsWellKnownScalesFirstThenTheValuesOwn()
    {
        Assert.Equal(RatingScale.OneToFive, RatingScale.Detect([2.0, 4]));
        Assert.Equal(RatingScale.OneToTen, RatingScale.Detect([1.0, 7, 10]));
        Assert.Equal(RatingScale.HalfStars, RatingScale.Detect([0.5, 3, 4.5]));
        Assert.Equal(new RatingScale(0, 100, 5), RatingScale.Detect([0.0, 35, 100]));
        Assert.Equal(new RatingScale(-1, 1, 1), RatingScale.Detect([-1.0, 0, 1]));
        Assert.Null(RatingScale.Detect([1.23456, 2]));
    }

    [Fact]
    public void ReadsTheOldJsonWithoutAStep()
    {
        var scale = System.Text.Json.JsonSerializer.Deserialize<RatingScale>("{\"Min\":1,\"Max\":10}");
        Assert.Equal(RatingScale.OneToTen, scale);
    }
}
