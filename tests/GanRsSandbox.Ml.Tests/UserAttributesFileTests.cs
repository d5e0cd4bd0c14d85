using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.SideInfo;
using Xunit;

namespace GanRsSandbox.Ml.Tests;

public sealed class UserAttributesFileTests
{
    // Users 10, 20, 30: 10 and 30 rate 5s, 20 rates 1s.
    private static readonly RatingsDataset Ratings = new("t", [0, 0, 1, 2], [0, 1, 0, 1], [5, 5, 1, 5], ["10", "20", "30"], ["a", "b"], RatingScale.OneToFive);

    private static UserAttributes Read(string text) => UserAttributesFile.Read(new StringReader(text), "users", Ratings);

    [Fact]
    public void MovieLens_100k_and_1m_layouts_and_a_csv_join_by_original_id()
    {
        var u100k = Read("30|24|F|writer|11111\n10|53|M|other|22222\n20|23|F|artist|33333\n");
        Assert.Equal(["age", "gender", "occupation", "zip"], u100k.Names);
        Assert.Equal(["M", "F", "F"], u100k.Of("gender"));
        var u1m = Read("10::M::25::7::555\n20::F::18::3::666\n30::F::45::1::777\n");
        Assert.Equal(["M", "F", "F"], u1m.Of("gender"));
        Assert.Equal(["7", "3", "1"], u1m.Of("occupation"));
        var csv = Read("userId,segment\n20,b\n10,a\n30,a\n");
        Assert.Equal(["segment"], csv.Names);
        Assert.Equal(["a", "b", "a"], csv.Of("segment"));
    }

    [Fact]
    public void A_breakdown_gives_each_groups_share_of_users_and_its_rating_histogram()
    {
        var attributes = Read("10|53|M|other|1\n20|23|F|artist|2\n30|24|F|writer|3\n");
        var breakdown = UserAttributesFile.Breakdown(Ratings, "gender", attributes.Of("gender"));
        Assert.Equal(["F", "M"], breakdown.Groups.Select(g => g.Value));
        var women = breakdown.Groups[0];
        Assert.Equal(2, women.Users);
        Assert.Equal(2.0 / 3, women.Share, 12);
        Assert.Equal(2, women.Ratings);
        Assert.Equal(0.5, women.RatingShares[1]);
        Assert.Equal(0.5, women.RatingShares[5]);
        Assert.Equal(1.0, breakdown.Groups[1].RatingShares[5]);
        Assert.Equal(1.0, breakdown.Groups.Sum(g => g.Share), 12);
    }

    [Theory]
    [InlineData("10|53|M|other|1\n99|23|F|artist|2\n30|24|F|writer|3\n", 2, "user", "user '99' has no ratings")]
    [InlineData("10|53|M|other|1\n10|23|F|artist|2\n30|24|F|writer|3\n", 2, "user", "second row")]
    [InlineData("10|53|M|other|1\n30|24|F|writer|3\n", 0, "user", "1 user(s) of the dataset have no row, the first '20'")]
    [InlineData("10|53|M|other|1\n20|23|F\n", 2, null, "expected 5 fields")]
    [InlineData("user,a,a\n10,x,y\n", 1, null, "distinct column names")]
    [InlineData("10 53 M\n", 1, null, "not a users file")]
    [InlineData("", 0, null, "empty")]
    public void Bad_files_name_the_line_and_field(string text, long line, string? field, string reason)
    {
        var error = Assert.Throws<DataFormatException>(() => Read(text));
        Assert.Equal("users", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void A_users_file_that_Save_writes_reads_back_even_with_commas_and_quotes_in_its_values()
    {
        var path = Path.Combine(Path.GetTempPath(), "ganrs-users-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            UserAttributesFile.Save(path, Ratings, new UserGrouping("segment", ["a, b", "say \"c\""], [0, 1, 0]));
            Assert.Equal(["a, b", "say \"c\"", "a, b"], UserAttributesFile.Read(path, Ratings).Of("segment"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Only_attributes_with_few_values_make_groups()
    {
        var attributes = Read("10|53|M|other|1\n20|23|F|artist|2\n30|24|F|writer|3\n");
        Assert.Equal(["age", "gender", "occupation", "zip"], attributes.Categorical);
        var many = new UserAttributes(["zip"], [Enumerable.Range(0, UserAttributes.MaxGroups + 1).Select(i => i.ToString()).ToArray()]);
        Assert.Empty(many.Categorical);
    }
}
