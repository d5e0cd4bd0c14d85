using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GanRsSandbox.Shared;
using GanRsSandbox.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>
/// Uploads stream to the silo in chunks and never leave a partial file behind; files already on the silo import by a
/// path under the import folder and nowhere else.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UploadStreamingTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    [Fact]
    public async Task A_file_of_several_chunks_arrives_whole_and_fields_may_follow_it()
    {
        // 1,500 × 300 pairs on a half-star scale, about 9.5 MiB: three chunks.
        var text = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 0; u < 1500; u++)
        {
            for (var i = 0; i < 300; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{u},{i},{0.5 + (u * 7 + i) % 10 * 0.5},964982703\n");
            }
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.InRange(bytes.Length, 2 * 4 * 1024 * 1024 + 1, ApiFixture.UploadLimit);

        using var form = new MultipartFormDataContent();
        form.Add(File(bytes), "file", "ratings.csv");
        form.Add(new StringContent("chunked"), "name");
        form.Add(new StringContent("0.5..5"), "scale");
        var response = await Http.PostAsync("/api/datasets", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var dataset = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("chunked", (string)dataset["name"]!);
        Assert.Equal(450_000, (int)dataset["stats"]!["ratings"]!);
        Assert.Equal(0.5, (double)dataset["stats"]!["scale"]!["step"]!);
        Assert.Equal(0, fixture.StagedUploads);
    }

    [Fact]
    public async Task An_upload_refused_after_its_file_arrived_or_over_the_limit_leaves_nothing_on_the_silo()
    {
        var artifacts = fixture.ArtifactCount;
        using (var badFormat = new MultipartFormDataContent { { File(TestFiles.DemoAsUData()), "file", "u.data" }, { new StringContent("xml"), "format" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsync("/api/datasets", badFormat)).StatusCode);
        }
        using (var both = new MultipartFormDataContent { { File(TestFiles.DemoAsUData()), "file", "u.data" }, { new StringContent("a.csv"), "serverPath" } })
        {
            Assert.Equal("serverPath", (string)(await ProblemAsync(await Http.PostAsync("/api/datasets", both), HttpStatusCode.BadRequest))["field"]!);
        }
        // Over the limit, though the envelope's length is within it: found while streaming, after chunks were sent.
        using (var tooLarge = new MultipartFormDataContent { { File(new byte[ApiFixture.UploadLimit + 1]), "file", "big.csv" } })
        {
            await ProblemAsync(await Http.PostAsync("/api/datasets", tooLarge), HttpStatusCode.RequestEntityTooLarge);
        }
        Assert.Equal(0, fixture.StagedUploads);
        Assert.Equal(artifacts, fixture.ArtifactCount);
    }

    [Fact]
    public async Task Chunks_must_follow_each_other_exactly()
    {
        var client = fixture.WebServices.GetRequiredService<IClusterClient>();
        var grain = client.GetGrain<IDatasetGrain>(SandboxIds.New("ds"));
        var bytes = TestFiles.DemoAsUData();
        var half = bytes.Length / 2;

        Assert.Equal(half, await grain.AppendUploadAsync(0, bytes[..half]));
        var repeated = await Assert.ThrowsAsync<SandboxException>(() => grain.AppendUploadAsync(0, bytes[..half]));
        Assert.Equal(SandboxErrorKind.Conflict, repeated.Kind);
        await Assert.ThrowsAsync<SandboxException>(() => grain.AppendUploadAsync(half, []));
        Assert.Equal(bytes.Length, await grain.AppendUploadAsync(half, bytes[half..]));

        var created = await grain.ImportAsync(new DatasetUpload { Name = "in two", FileName = "u.data" });
        Assert.Equal(LineCount(bytes), created.Stats!.Ratings);
        Assert.Equal(0, fixture.StagedUploads);
        // A dataset that exists takes no more chunks.
        Assert.Equal(SandboxErrorKind.Conflict, (await Assert.ThrowsAsync<SandboxException>(() => grain.AppendUploadAsync(0, bytes))).Kind);
    }

    [Fact]
    public async Task A_file_in_the_import_folder_imports_by_its_relative_path()
    {
        Directory.CreateDirectory(Path.Combine(fixture.ImportFolder, "movielens"));
        await System.IO.File.WriteAllBytesAsync(Path.Combine(fixture.ImportFolder, "movielens", "u.data"), TestFiles.DemoAsUData());

        using var form = new MultipartFormDataContent { { new StringContent("movielens/u.data"), "serverPath" } };
        var response = await Http.PostAsync("/api/datasets", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var dataset = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("u.data", (string)dataset["name"]!);
        Assert.Equal("movielens/u.data", (string)dataset["lineage"]!["fileName"]!);
        Assert.Equal(LineCount(TestFiles.DemoAsUData()), (int)dataset["stats"]!["ratings"]!);
    }

    [Fact]
    public async Task The_import_folder_lists_its_files_by_relative_path_and_leaves_out_links_that_lead_outside()
    {
        Directory.CreateDirectory(Path.Combine(fixture.ImportFolder, "listed", "deeper"));
        await System.IO.File.WriteAllTextAsync(Path.Combine(fixture.ImportFolder, "listed", "deeper", "ratings.csv"), "u,i,r\n");
        var escape = Path.Combine(fixture.ImportFolder, "listed", "escape.csv");
        if (!System.IO.File.Exists(escape))
        {
            System.IO.File.CreateSymbolicLink(escape, Path.Combine(fixture.DataDirectory, "sandbox.db"));
        }

        var files = JsonNode.Parse(await Http.GetStringAsync("/api/datasets/server-files"))!.AsArray().Select(f => (string)f!).ToList();

        Assert.Contains("listed/deeper/ratings.csv", files);
        Assert.DoesNotContain("listed/escape.csv", files);
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [InlineData("../sandbox.db", HttpStatusCode.Forbidden)]
    [InlineData("/etc/hostname", HttpStatusCode.Forbidden)]
    [InlineData("movielens/../../sandbox.db", HttpStatusCode.Forbidden)]
    [InlineData("no-such-file.csv", HttpStatusCode.NotFound)]
    [InlineData("outside-link.csv", HttpStatusCode.Forbidden)]
    public async Task Nothing_outside_the_import_folder_is_read_and_no_answer_names_a_server_path(string path, HttpStatusCode expected)
    {
        var link = Path.Combine(fixture.ImportFolder, "outside-link.csv");
        if (!System.IO.File.Exists(link))
        {
            System.IO.File.CreateSymbolicLink(link, Path.Combine(fixture.DataDirectory, "sandbox.db"));
        }
        using var form = new MultipartFormDataContent { { new StringContent(path), "serverPath" } };

        var problem = await ProblemAsync(await Http.PostAsync("/api/datasets", form), expected);

        Assert.Equal("serverPath", (string)problem["field"]!);
        Assert.DoesNotContain(fixture.DataDirectory, (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_download_that_is_not_the_published_file_is_a_bad_gateway_and_stores_nothing()
    {
        var artifacts = fixture.ArtifactCount;
        var before = fixture.Publisher.Requests;

        var response = await Http.PostAsJsonAsync("/api/datasets/download", new { release = "ml-100k" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("release", (string)problem["field"]!);
        Assert.Contains("not the published 4,924,029", (string)problem["detail"]!);
        Assert.Equal(before + 1, fixture.Publisher.Requests);
        Assert.Equal(artifacts, fixture.ArtifactCount);

        var unknown = await ProblemAsync(await Http.PostAsJsonAsync("/api/datasets/download", new { release = "ml-50m" }), HttpStatusCode.BadRequest);
        Assert.Contains("ml-100k, ml-1m, ml-latest-small or ml-25m", (string)unknown["detail"]!);
        Assert.Equal(before + 1, fixture.Publisher.Requests);
    }

    private static int LineCount(byte[] uData) => Encoding.UTF8.GetString(uData).Count(c => c == '\n');

    private static ByteArrayContent File(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
