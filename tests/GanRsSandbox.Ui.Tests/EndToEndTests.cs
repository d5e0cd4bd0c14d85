using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GanRsSandbox.Ui.Tests;

/// <summary>
/// The whole flow in a real browser against the real hosts, with tiny settings: demo dataset, generator, synthetic
/// dataset, six models, their curves, and top-N for a synthetic user; plus a bad upload. Screenshots of every page
/// go to the test output's screenshots folder.
/// </summary>
public sealed class EndToEndTests(UiHosts hosts) : BrowserTest(hosts)
{
    [Fact]
    public async Task From_demo_dataset_to_recommendations_for_a_synthetic_user_by_clicking_alone()
    {
        var page = await NewPageAsync(1280, 800);
        try
        {
            await WholeFlowAsync(page);
        }
        catch
        {
            var open = BrowserInstance.Contexts.SelectMany(c => c.Pages).ToList();
            for (var i = 0; i < open.Count; i++)
            {
                await Shoot(open[i], $"failure-{i}");
            }
            throw;
        }
        Assert.Empty(Hosts.Errors.Entries);
    }

    private async Task WholeFlowAsync(IPage page)
    {

        await page.GotoAsync(Hosts.BaseUrl + "/", Loaded);
        await Expect(page.GetByText("From a real dataset to synthetic ones")).ToBeVisibleAsync();
        await Shoot(page, "01-overview-empty");

        await page.GotoAsync(Hosts.BaseUrl + "/datasets", Loaded);
        await Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await page.GetByTestId("demo-button").ClickAsync();
        await Expect(page.GetByTestId("stat-cards")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stat-cards")).ToContainTextAsync("600");
        await Shoot(page, "02-dataset-detail");

        await page.GotoAsync(Hosts.BaseUrl + "/generators", Loaded);
        await page.GetByText("Advanced settings").ClickAsync();
        await SetNumber(page, "iterations", "1500");
        await SetNumber(page, "pretrain-epochs", "2");
        await SetNumber(page, "evaluate-every", "100");
        await page.GetByTestId("train-generator").ClickAsync();
        await Expect(page.GetByTestId("job-progress")).ToBeVisibleAsync();

        // Closing the browser mid-training does not stop the job: a new page finds it running or finished.
        await page.Context.CloseAsync();
        page = await NewPageAsync(1280, 800);
        await page.GotoAsync(Hosts.BaseUrl + "/generators", Loaded);
        await Expect(page.GetByTestId("generator").First.GetByTestId("status").First).ToHaveTextAsync("ready", new() { Timeout = 180_000 });
        await Expect(page.GetByTestId("losses").Locator("polyline").First).ToBeVisibleAsync();
        await Shoot(page, "03-generators");

        await page.GotoAsync(Hosts.BaseUrl + "/synthetic", Loaded);
        await SetNumber(page, "users", "80");
        await SetNumber(page, "items", "60");
        await SetNumber(page, "samples", "4000");
        await page.GetByTestId("create-synthetic").ClickAsync();
        await Expect(page.GetByTestId("fidelity")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Expect(page.GetByTestId("rating-tvd")).ToBeVisibleAsync();
        await Shoot(page, "04-synthetic-fidelity");

        await page.GotoAsync(Hosts.BaseUrl + "/models", Loaded);
        await SetNumber(page, "epochs", "2");
        await page.GetByTestId("train-models").ClickAsync();
        var column = page.GetByTestId("results-column").First;
        await Expect(column.GetByTestId("error-table").Locator("tbody tr")).ToHaveCountAsync(6, new() { Timeout = 240_000 });
        await Expect(column.GetByTestId("f1-chart").Locator("polyline")).ToHaveCountAsync(6);
        await Shoot(page, "05-models");

        await page.GotoAsync(Hosts.BaseUrl + "/recommend", Loaded);
        await Expect(page.GetByTestId("random-user")).ToContainTextAsync("Random synthetic user");
        await Expect(page.GetByTestId("random-user")).ToBeEnabledAsync();
        await page.GetByTestId("random-user").ClickAsync();
        await page.GetByTestId("recommend").ClickAsync();
        await Expect(page.GetByTestId("top-n").Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(page.GetByTestId("latency")).ToContainTextAsync("ms");
        await Shoot(page, "06-recommend");

        await page.GotoAsync(Hosts.BaseUrl + "/jobs", Loaded);
        await Expect(page.GetByTestId("job-table").Locator("tbody tr")).ToHaveCountAsync(8);
        await Shoot(page, "07-jobs");

        await page.GotoAsync(Hosts.BaseUrl + "/experiments", Loaded);
        await page.GetByText("Smaller grids").ClickAsync();
        await SetNumber(page, "sample-scale", "0.0001");
        await SetNumber(page, "experiment-iterations", "40");
        await SetNumber(page, "experiment-epochs", "1");
        await page.GetByTestId("start-experiment").ClickAsync();
        await Expect(page.GetByTestId("download-report")).ToBeVisibleAsync(new() { Timeout = 300_000 });
        await Expect(page.GetByTestId("grid-cell").Filter(new() { HasText = "…" })).ToHaveCountAsync(0);
        // Scaled this far down the sample sweep meets at one size: the source, 2,000 users and 8,000 users remain.
        await Expect(page.GetByTestId("experiment-chart")).ToHaveCountAsync(3);
        await Shoot(page, "08-experiments");

        await page.GotoAsync(Hosts.BaseUrl + "/", Loaded);
        await Shoot(page, "12-overview");

        var phone = await NewPageAsync(390, 844);
        await phone.GotoAsync(Hosts.BaseUrl + "/models", Loaded);
        await Expect(phone.GetByTestId("results-column").First).ToBeVisibleAsync();
        await Shoot(phone, "09-phone-models");
        await phone.GotoAsync(Hosts.BaseUrl + "/datasets", Loaded);
        await Expect(phone.GetByTestId("dataset-table")).ToBeVisibleAsync();
        await Shoot(phone, "10-phone-datasets");
    }

    [Fact]
    public async Task A_malformed_upload_shows_its_line_numbered_error_and_stores_nothing()
    {
        var page = await NewPageAsync(1280, 800);
        await page.GotoAsync(Hosts.BaseUrl + "/datasets", Loaded);
        var before = await page.GetByTestId("dataset-table").Locator("tbody tr").CountAsync();
        await page.GetByTestId("upload-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "bad.data",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("1\t1\t4\t0\n1\t2\tfive\t0\n"),
        });
        await page.GetByTestId("upload-button").ClickAsync();

        await Expect(page.GetByTestId("upload-error")).ToContainTextAsync("bad.data:2");
        await Expect(page.GetByTestId("upload-error")).ToContainTextAsync("'five' is not a number");
        await Expect(page.GetByTestId("upload-error")).ToContainTextAsync("nothing was stored");
        await Shoot(page, "11-bad-upload");
        Assert.Equal(before, await page.GetByTestId("dataset-table").Locator("tbody tr").CountAsync());
    }
}
