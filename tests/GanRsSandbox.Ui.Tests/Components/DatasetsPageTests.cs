using Bunit;
using GanRsSandbox.BlazorUi.Components.Pages;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Ui.Tests.Components;

public sealed class DatasetsPageTests : ComponentTest
{
    [Fact]
    public void With_no_datasets_it_says_what_to_do_first()
    {
        var page = Render<Datasets>();
        Assert.Contains("No datasets yet", page.Find("[data-testid=empty-state]").TextContent);
        Assert.Contains("up to 0 MiB", page.Markup.Replace("0.0", "0"));
    }

    [Fact]
    public void Datasets_are_listed_with_their_status_and_size()
    {
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-1", "ml-100k"));
        Sandbox.Datasets.Add(Fixtures.Dataset("ds-2", "still coming", ResourceStatus.Pending));
        var page = Render<Datasets>();
        var rows = page.FindAll("[data-testid=dataset-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("ml-100k", rows[0].TextContent);
        Assert.Contains("16,408", rows[0].TextContent);
        Assert.Contains("pending", rows[1].TextContent);
    }

    [Fact]
    public void The_demo_button_creates_the_demo_and_opens_it()
    {
        var page = Render<Datasets>();
        page.Find("[data-testid=demo-button]").Click();
        page.WaitForAssertion(() => Assert.EndsWith("/datasets/ds-demo", Context.Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Contains(Sandbox.Requests, r => r is ValueTuple<string, string, int> { Item1: "demo" });
    }

    [Fact]
    public void A_rejected_file_shows_the_reason_with_its_line_and_the_import_button_waits_for_a_file()
    {
        Sandbox.ImportFailure = SandboxException.Invalid("bad.data:2:rating", "bad.data:2: field 'rating': 'five' is not a number");
        var page = Render<Datasets>();
        Assert.True(page.Find("[data-testid=upload-button]").HasAttribute("disabled"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("1\t1\t4\t0\n1\t2\tfive\t0\n", "bad.data"));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=upload-button]").HasAttribute("disabled")));
        page.Find("[data-testid=upload-button]").Click();

        page.WaitForAssertion(() => Assert.Contains("bad.data:2: field 'rating'", page.Find("[data-testid=upload-error]").TextContent));
        Assert.Contains("nothing was stored", page.Find("[data-testid=upload-error]").TextContent);
        Snackbars.WaitForAssertion(() => Assert.Contains("'five' is not a number", Snackbars.Markup));
        Assert.Empty(Sandbox.Datasets);
    }

    [Fact]
    public void A_chosen_file_is_sent_once_then_imported_with_the_declared_scale()
    {
        var page = Render<Datasets>();
        page.Find("input[data-testid=upload-scale]").Change("0.5..5");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("userId,movieId,rating\n1,1,4.5\n", "ratings.csv"));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=upload-button]").HasAttribute("disabled")));
        page.Find("[data-testid=upload-button]").Click();

        page.WaitForAssertion(() => Assert.Single(Sandbox.ImportedFrom));
        var sent = Assert.Single(Sandbox.Sent);
        Assert.Equal("userId,movieId,rating\n1,1,4.5\n", System.Text.Encoding.UTF8.GetString(sent.Value));
        Assert.Equal(sent.Key, Sandbox.ImportedFrom[0]);
        var upload = Assert.IsType<DatasetUpload>(Assert.Single(Sandbox.Requests));
        Assert.Equal(("ratings.csv", "0.5..5", null), (upload.FileName, upload.Scale, upload.ServerPath));
    }

    [Fact]
    public void A_file_on_the_server_imports_by_its_path_without_an_upload()
    {
        var page = Render<Datasets>();
        page.Find("[data-testid=server-import] .mud-expand-panel-header").Click();
        page.Find("input[data-testid=server-path]").Change("ml-25m/ratings.csv");
        page.Find("[data-testid=server-import-button]").Click();

        page.WaitForAssertion(() => Assert.Single(Sandbox.ImportedFrom));
        Assert.Null(Sandbox.ImportedFrom[0]);
        Assert.Empty(Sandbox.Sent);
        var upload = Assert.IsType<DatasetUpload>(Assert.Single(Sandbox.Requests));
        Assert.Equal(("ratings.csv", "ml-25m/ratings.csv"), (upload.Name, upload.ServerPath));
    }

    [Fact]
    public void The_server_panel_lists_the_import_folder_and_a_click_picks_a_file()
    {
        Sandbox.ServerFiles = ["ml-25m/ratings.csv", "plays.csv"];
        var page = Render<Datasets>();
        page.Find("[data-testid=server-import] .mud-expand-panel-header").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=server-files] .mud-chip").Count));
        page.FindAll("[data-testid=server-files] .mud-chip")[1].Click();
        page.Find("[data-testid=server-import-button]").Click();

        page.WaitForAssertion(() => Assert.Single(Sandbox.ImportedFrom));
        Assert.Equal("plays.csv", Assert.IsType<DatasetUpload>(Assert.Single(Sandbox.Requests)).ServerPath);
    }

    [Fact]
    public void With_server_imports_off_the_panel_says_so()
    {
        var page = Render<Datasets>();
        page.Find("[data-testid=server-import] .mud-expand-panel-header").Click();
        page.WaitForAssertion(() => Assert.Contains("Sandbox:ImportFolder", page.Find("[data-testid=server-files-note]").TextContent));
    }

    [Fact]
    public void Download_MovieLens_states_the_licence_and_fetches_only_the_chosen_release_on_a_click()
    {
        var page = Render<Datasets>();
        Assert.Contains("research use only", page.Find("[data-testid=download-licence]").TextContent);
        Assert.Contains("Harper and Joseph A. Konstan", page.Find("[data-testid=download-licence]").TextContent);
        Assert.Empty(Sandbox.Requests);

        page.Find("[data-testid=download-button]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/datasets/ds-download", Context.Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Equal(MovieLensRelease.Ml100K, Assert.Single(Sandbox.Requests));
    }

    [Fact]
    public void A_failed_download_says_why_and_that_nothing_was_stored()
    {
        Sandbox.ImportFailure = new SandboxException(SandboxErrorKind.BadGateway, "ml-100k: ml-100k.zip has SHA-256 00, not the published 50d2", "release");
        var page = Render<Datasets>();
        page.Find("[data-testid=download-button]").Click();
        page.WaitForAssertion(() => Assert.Contains("not the published 50d2", page.Find("[data-testid=upload-error]").TextContent));
        Assert.Contains("nothing was stored", page.Find("[data-testid=upload-error]").TextContent);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_sent()
    {
        var page = Render<Datasets>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(new string('1', 2000), "big.csv"));
        page.WaitForAssertion(() => Assert.Contains("over the limit", page.Find("[data-testid=upload-error]").TextContent));
        Assert.True(page.Find("[data-testid=upload-button]").HasAttribute("disabled"));
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void An_unreachable_server_shows_a_warning_instead_of_a_blank_page()
    {
        Sandbox.Failure = new TimeoutException("no silo");
        var page = Render<Datasets>();
        Assert.Contains("did not answer", page.Find("[data-testid=refresh-error]").TextContent);
    }
}
