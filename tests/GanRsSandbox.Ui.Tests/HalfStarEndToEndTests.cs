using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GanRsSandbox.Ui.Tests;

/// <summary>
/// A half-star source shaped like MovieLens latest's ratings.csv, through the browser alone: upload, its histogram,
/// the six models with the two highest values as thresholds, a generator, and a synthetic set on the same scale.
/// Its own hosts, so the other browser test's job counts stay its own.
/// </summary>
public sealed class HalfStarEndToEndTests(UiHosts hosts) : BrowserTest(hosts)
{
    /// <summary>80 users × 50 items, about half rated, every half-star value used, with ratings.csv's header.</summary>
    private static byte[] HalfStarRatings()
    {
        var random = new Random(5);
        var text = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 1; u <= 80; u++)
        {
            for (var i = 1; i <= 50; i++)
            {
                if (random.NextDouble() < 0.5)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{u},{i * 3},{0.5 * (1 + (u + i * 3) % 10):0.0},9649827{u:00}\n");
                }
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task A_half_star_source_keeps_its_values_from_upload_to_models_and_synthetic_data()
    {
        var page = await NewPageAsync(1280, 900);
        try
        {
            await FlowAsync(page);
        }
        catch
        {
            await Shoot(page, "half-stars-failure");
            throw;
        }
        Assert.Empty(Hosts.Errors.Entries);
    }

    private async Task FlowAsync(IPage page)
    {
        await page.GotoAsync(Hosts.BaseUrl + "/datasets", Loaded);
        await page.GetByTestId("upload-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "ratings.csv", MimeType = "text/csv", Buffer = HalfStarRatings() });
        await page.GetByTestId("upload-button").ClickAsync();
        var link = page.GetByTestId("dataset-table").GetByRole(AriaRole.Link, new() { Name = "ratings.csv" });
        await Expect(link).ToBeVisibleAsync();
        var datasetId = (await link.GetAttributeAsync("href"))!.Split('/')[^1];
        await Shoot(page, "16-datasets-after-upload");

        await link.ClickAsync();
        var histogram = page.GetByTestId("histogram");
        await Expect(histogram).ToContainTextAsync("0.5");
        await Expect(histogram).ToContainTextAsync("4.5");
        await Shoot(page, "13-half-star-source");

        await page.GotoAsync($"{Hosts.BaseUrl}/models?dataset={datasetId}", Loaded);
        await SetNumber(page, "epochs", "1");
        await page.GetByTestId("train-models").ClickAsync();
        var column = page.GetByTestId("results-column").First;
        await Expect(column.GetByTestId("error-table").Locator("tbody tr")).ToHaveCountAsync(6, new() { Timeout = 180_000 });
        // The thresholds are the scale's two highest values, the lower one chosen first.
        await Expect(page.GetByText("F1 (rating ≥ 4.5)")).ToBeVisibleAsync();
        await Shoot(page, "14-half-star-models");

        await page.GotoAsync($"{Hosts.BaseUrl}/generators?source={datasetId}", Loaded);
        await page.GetByText("Advanced settings").ClickAsync();
        foreach (var (field, value) in new[] { ("iterations", "300"), ("pretrain-epochs", "2"), ("evaluate-every", "100") })
        {
            await SetNumber(page, field, value);
        }
        await page.GetByTestId("train-generator").ClickAsync();
        await Expect(page.GetByTestId("generator").First.GetByTestId("status").First).ToHaveTextAsync("ready", new() { Timeout = 180_000 });

        await page.GotoAsync(Hosts.BaseUrl + "/synthetic", Loaded);
        foreach (var (field, value) in new[] { ("users", "60"), ("items", "40"), ("samples", "3000") })
        {
            await SetNumber(page, field, value);
        }
        await page.GetByTestId("create-synthetic").ClickAsync();
        await Expect(page.GetByTestId("fidelity")).ToBeVisibleAsync(new() { Timeout = 180_000 });

        await page.GotoAsync(Hosts.BaseUrl + "/datasets", Loaded);
        var synthetic = page.GetByTestId("dataset-table").Locator("tbody tr").Filter(new() { HasText = "synthetic" }).GetByRole(AriaRole.Link);
        await synthetic.ClickAsync();
        await Expect(page.GetByTestId("histogram").First).ToContainTextAsync("0.5");
        await Expect(page.GetByTestId("histogram").First).ToContainTextAsync("4.5");
        await Shoot(page, "15-half-star-synthetic");
    }
}
