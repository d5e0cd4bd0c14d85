using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace GanRsSandbox.Cluster.Tests;

[Collection(ApiCollection.Name)]
public sealed class ApiTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    [Fact]
    public async Task An_upload_is_parsed_stored_and_listed_with_original_ids()
    {
        var created = await UploadAsync(TestFiles.DemoAsUData(), "u.data", "my ratings");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dataset = await Json(created);
        var id = (string)dataset["id"]!;
        Assert.Equal($"/api/datasets/{id}", created.Headers.Location!.ToString());
        Assert.Equal(("my ratings", "source", "ready"), ((string)dataset["name"]!, (string)dataset["kind"]!, (string)dataset["status"]!));
        Assert.Equal(120, (int)dataset["stats"]!["users"]!);
        Assert.Equal(5, (int)dataset["stats"]!["scale"]!["max"]!);
        Assert.Equal("u.data", (string)dataset["lineage"]!["fileName"]!);

        var listed = (JsonArray)(await GetJson("/api/datasets"))!;
        Assert.Contains(listed, d => (string)d!["id"]! == id);
        var users = (JsonArray)(await GetJson($"/api/datasets/{id}/users?count=3"))!;
        Assert.Equal(["1", "2", "3"], users.Select(u => (string)u!));
        var known = (JsonArray)(await GetJson($"/api/datasets/{id}/users/1/ratings"))!;
        Assert.NotEmpty(known);
    }

    [Fact]
    public async Task A_half_star_upload_keeps_its_scale_and_a_declared_scale_is_checked()
    {
        var halfStars = Encoding.UTF8.GetBytes("userId,movieId,rating,timestamp\n1,1,4.5,0\n1,2,0.5,0\n2,1,3.0,0\n2,3,5.0,0\n");
        var dataset = await Json(await UploadWithFieldsAsync(halfStars, "ratings.csv"));
        Assert.Equal(0.5, (double)dataset["stats"]!["scale"]!["step"]!);
        Assert.Equal(10, ((JsonObject)dataset["stats"]!["histogram"]!).Count);
        Assert.Equal(1, (int)dataset["stats"]!["histogram"]!["4.5"]!);

        var declared = await UploadWithFieldsAsync(halfStars, "ratings.csv", ("scale", "1..5"));
        var offScale = await Problem(declared, HttpStatusCode.BadRequest);
        Assert.Equal("ratings.csv:2:rating", (string)offScale["field"]!);
        Assert.Contains("not on the scale 1..5", (string)offScale["detail"]!);
        var badScale = await Problem(await UploadWithFieldsAsync(halfStars, "ratings.csv", ("scale", "five stars")), HttpStatusCode.BadRequest);
        Assert.Equal("scale", (string)badScale["field"]!);

        var plays = await Json(await UploadWithFieldsAsync(Encoding.UTF8.GetBytes("1\t1\t3\t0\n1\t2\t5\t0\n"), "plays.data", ("implicit", "true")));
        Assert.Equal(1, (double)plays["stats"]!["scale"]!["max"]!);
        Assert.Equal(2, (int)plays["stats"]!["histogram"]!["1"]!);
    }

    [Fact]
    public async Task A_dataset_exports_in_every_format_and_the_export_imports_back_to_the_same_stats()
    {
        var source = await Json(await UploadAsync(TestFiles.DemoAsUData(), "u.data", "export me"));
        var id = (string)source["id"]!;
        foreach (var (format, fileName) in new[] { ("csv", "again.csv"), ("recbole", "again.inter"), ("parquet", "again.parquet") })
        {
            var export = await Http.GetAsync($"/api/datasets/{id}/export?format={format}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var bytes = await export.Content.ReadAsByteArrayAsync();
            if (format == "parquet")
            {
                Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
                continue;
            }
            var copy = await Json(await UploadAsync(bytes, fileName));
            foreach (var figure in new[] { "users", "items", "ratings", "mean", "giniItems" })
            {
                Assert.Equal((double)source["stats"]![figure]!, (double)copy["stats"]![figure]!, 12);
            }
            Assert.Equal(source["stats"]!["histogram"]!.ToJsonString(), copy["stats"]!["histogram"]!.ToJsonString());
        }
        Assert.Equal("format", (string)(await Problem(await Http.GetAsync($"/api/datasets/{id}/export?format=xlsx"), HttpStatusCode.BadRequest))["field"]!);
        await Problem(await Http.GetAsync("/api/datasets/ds-missing/export"), HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> UploadWithFieldsAsync(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return await Http.PostAsync("/api/datasets", form);
    }

    [Fact]
    public async Task A_malformed_upload_names_file_line_and_field_and_stores_nothing()
    {
        var before = ((JsonArray)(await GetJson("/api/datasets"))!).Count;
        var artifacts = fixture.ArtifactCount;

        var response = await UploadAsync(Encoding.UTF8.GetBytes("1\t1\t4\t0\n1\t2\tfive\t0\n"), "bad.data");

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("bad.data:2:rating", (string)problem["field"]!);
        Assert.Contains("'five' is not a number", (string)problem["detail"]!);
        Assert.Equal(before, ((JsonArray)(await GetJson("/api/datasets"))!).Count);
        Assert.Equal(artifacts, fixture.ArtifactCount);
    }

    [Fact]
    public async Task Uploads_without_a_file_with_a_bad_format_or_over_the_limit_are_refused()
    {
        using (var noFile = new MultipartFormDataContent { { new StringContent("x"), "name" } })
        {
            Assert.Equal("file", (string)(await Problem(await Http.PostAsync("/api/datasets", noFile), HttpStatusCode.BadRequest))["field"]!);
        }
        await Problem(await Http.PostAsync("/api/datasets", new StringContent("1\t1\t1\t1")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("format", (string)(await Problem(await UploadAsync(TestFiles.DemoAsUData(), "u.data", format: "xml"), HttpStatusCode.BadRequest))["field"]!);

        var tooLarge = await UploadAsync(new byte[ApiFixture.UploadLimit + 1], "big.csv");
        Assert.Contains("larger than the limit", (string)(await Problem(tooLarge, HttpStatusCode.RequestEntityTooLarge))["detail"]!);
    }

    [Fact]
    public async Task The_demo_dataset_needs_no_file_and_can_be_deleted()
    {
        var created = await Http.PostAsJsonAsync("/api/datasets/demo", new { name = "first run", seed = 4 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await Json(created))["id"]!;
        Assert.Equal("first run", (string)(await GetJson($"/api/datasets/{id}"))!["name"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/datasets/{id}")).StatusCode);
        await Problem(await Http.GetAsync($"/api/datasets/{id}"), HttpStatusCode.NotFound);
        await Problem(await Http.DeleteAsync($"/api/datasets/{id}"), HttpStatusCode.NotFound);
        await Problem(await Http.GetAsync("/api/datasets/not%20an%20id"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Generator_then_synthetic_dataset_with_lineage_and_fidelity()
    {
        var source = await CreateDemoAsync();
        await Problem(await Http.PostAsJsonAsync("/api/generators", new { sourceDatasetId = "ds-missing" }), HttpStatusCode.NotFound);
        var badOptions = await Http.PostAsJsonAsync("/api/generators", new { sourceDatasetId = source, options = new { iterations = 0 } });
        Assert.Equal("options.iterations", (string)(await Problem(badOptions, HttpStatusCode.BadRequest))["field"]!);
        // A job of days is refused with the bound, not started.
        var huge = await Problem(await Http.PostAsJsonAsync("/api/generators", new { sourceDatasetId = source, options = new { iterations = 1_000_000_000 } }), HttpStatusCode.BadRequest);
        Assert.Equal("options.iterations", (string)huge["field"]!);
        Assert.Contains("1,000,000", (string)huge["detail"]!);

        var started = await Http.PostAsJsonAsync("/api/generators", new
        {
            sourceDatasetId = source,
            options = new { iterations = 200, pretrainEpochs = 2, evaluateEvery = 100 },
        });
        var job = await Accepted(started);
        var generatorId = (string)job["resultId"]!;
        Assert.Equal("train-generator", (string)job["kind"]!);
        var finished = await WaitForJobAsync((string)job["id"]!);
        Assert.Equal("succeeded", (string)finished["state"]!);
        var generator = (await GetJson($"/api/generators/{generatorId}"))!;
        Assert.Equal("ready", (string)generator["status"]!);
        Assert.NotEmpty((JsonArray)generator["losses"]!);

        var badSample = await Http.PostAsJsonAsync("/api/synthetic", new { generatorId, users = 0 });
        Assert.Equal("users", (string)(await Problem(badSample, HttpStatusCode.BadRequest))["field"]!);
        await Problem(await Http.PostAsJsonAsync("/api/synthetic", new { generatorId = "gen-missing" }), HttpStatusCode.NotFound);
        var tooMany = await Problem(await Http.PostAsJsonAsync("/api/synthetic", new { generatorId, users = 50, items = 40, ratings = 5000 }), HttpStatusCode.BadRequest);
        Assert.Equal("ratings", (string)tooMany["field"]!);
        var badVariant = await Http.PostAsJsonAsync("/api/synthetic", new { generatorId, variant = "best" });
        Assert.Equal("variant", (string)(await Problem(badVariant, HttpStatusCode.BadRequest))["field"]!);
        // The Wasserstein variant needs a generator of its own game: refused before any job, not failed in one.
        var wgan = await Problem(await Http.PostAsJsonAsync("/api/synthetic", new { generatorId, variant = "wgan" }), HttpStatusCode.BadRequest);
        Assert.Equal("variant", (string)wgan["field"]!);
        Assert.Contains("standard objective", (string)wgan["detail"]!);

        var sampling = await Accepted(await Http.PostAsJsonAsync("/api/synthetic", new { generatorId, users = 50, items = 40, samples = 2500, seed = 3 }));
        Assert.Equal("succeeded", (string)(await WaitForJobAsync((string)sampling["id"]!))["state"]!);
        var synthetic = (await GetJson($"/api/datasets/{(string)sampling["resultId"]!}"))!;
        Assert.Equal(("synthetic", "ready"), ((string)synthetic["kind"]!, (string)synthetic["status"]!));
        Assert.Equal(generatorId, (string)synthetic["lineage"]!["generatorId"]!);
        Assert.Equal(source, (string)synthetic["lineage"]!["sourceDatasetId"]!);
        Assert.True((int)synthetic["stats"]!["users"]! <= 50);
        Assert.NotNull(synthetic["fidelity"]!["ratingTvd"]);
    }

    [Fact]
    public async Task A_users_file_shows_its_groups_and_conditions_a_generator_whose_users_carry_the_group()
    {
        var source = (string)(await Json(await UploadAsync(TestFiles.DemoAsUData(), "u.data", "with side info")))["id"]!;
        var users = (JsonArray)(await GetJson($"/api/datasets/{source}/users?count=1000"))!;
        var ids = users.Select(u => (string)u!).ToList();
        static ByteArrayContent File(string text) => new(Encoding.UTF8.GetBytes(text));

        // A user the ratings do not have is named with file, line and field; the dataset stays as it was.
        var unknown = await Problem(await Http.PutAsync($"/api/datasets/{source}/users-file?fileName=u.user",
            File("user,gender\n" + string.Join("\n", ids.Select(id => $"{id},F")) + "\nnobody,M\n")), HttpStatusCode.BadRequest);
        Assert.Equal($"u.user:{ids.Count + 2}:user", (string)unknown["field"]!);
        Assert.Contains("'nobody' has no ratings", (string)unknown["detail"]!);
        Assert.Null((await GetJson($"/api/datasets/{source}"))!["stats"]!["groups"]);
        await Problem(await Http.PutAsync("/api/datasets/ds-missing/users-file", File("user,gender\n1,F\n")), HttpStatusCode.NotFound);

        var attached = await Json(await Http.PutAsync($"/api/datasets/{source}/users-file?fileName=u.user",
            File("user,gender\n" + string.Join("\n", ids.Select((id, i) => $"{id},{(i % 3 == 0 ? "F" : "M")}")) + "\n")));
        var groups = (JsonArray)attached["stats"]!["groups"]!;
        var gender = groups.Single(g => (string)g!["attribute"]! == "gender")!;
        Assert.Equal(["M", "F"], ((JsonArray)gender["groups"]!).Select(g => (string)g!["value"]!));
        Assert.Equal(ids.Count, ((JsonArray)gender["groups"]!).Sum(g => (int)g!["users"]!));
        Assert.Equal("u.user", (string)attached["usersFileName"]!);

        // A model on it is broken down by activity bucket and by every categorical attribute of the file.
        var training = await Accepted(await Http.PostAsJsonAsync("/api/models", new { datasetId = source, kind = "deepmf", options = new { epochs = 1 } }));
        Assert.Equal("succeeded", (string)(await WaitForJobAsync((string)training["id"]!))["state"]!);
        var segments = (JsonArray)(await GetJson($"/api/models/{(string)training["resultId"]!}"))!["segments"]!;
        Assert.Equal(["activity:cold", "activity:regular", "activity:heavy", "gender:F", "gender:M"],
            segments.Select(x => $"{(string)x!["attribute"]!}:{(string)x["value"]!}").OrderBy(x => x.StartsWith("gender") ? 1 : 0).ThenBy(x => x.StartsWith("gender") ? x : ""));
        Assert.All(segments, x => Assert.All((JsonArray)x!["points"]!, p => Assert.Equal(10, (int)p!["n"]!)));

        var badCondition = await Problem(await Http.PostAsJsonAsync("/api/generators", new { sourceDatasetId = source, condition = "height" }), HttpStatusCode.BadRequest);
        Assert.Equal("condition", (string)badCondition["field"]!);
        Assert.Contains("gender", (string)badCondition["detail"]!);

        var job = await Accepted(await Http.PostAsJsonAsync("/api/generators", new
        {
            sourceDatasetId = source,
            condition = "gender",
            options = new { iterations = 100, pretrainEpochs = 1, evaluateEvery = 50 },
        }));
        Assert.Equal("succeeded", (string)(await WaitForJobAsync((string)job["id"]!))["state"]!);
        var generator = (await GetJson($"/api/generators/{(string)job["resultId"]!}"))!;
        Assert.Equal("gender", (string)generator["condition"]!);
        Assert.Equal(["M", "F"], ((JsonArray)generator["conditionValues"]!).Select(v => (string)v!).Order().Reverse());

        var sampling = await Accepted(await Http.PostAsJsonAsync("/api/synthetic", new
        {
            generatorId = (string)job["resultId"]!, users = 40, items = 30, samples = 3000, referenceFits = 0, groupShares = new Dictionary<string, double> { ["F"] = 0.5, ["M"] = 0.5 },
        }));
        Assert.Equal("succeeded", (string)(await WaitForJobAsync((string)sampling["id"]!))["state"]!);
        var synthetic = (await GetJson($"/api/datasets/{(string)sampling["resultId"]!}"))!;
        var shares = ((JsonArray)synthetic["fidelity"]!["scenario"]!).Where(f => ((string)f!["metric"]!).Contains("share")).ToList();
        Assert.NotEmpty(shares);
        // The synthetic users carry their group: in the stats, and in the export's group column.
        var synthGroups = ((JsonArray)synthetic["stats"]!["groups"]!).Single()!;
        Assert.Equal(("gender", 40), ((string)synthGroups["attribute"]!, ((JsonArray)synthGroups["groups"]!).Sum(g => (int)g!["users"]!)));
        Assert.Equal([20, 20], ((JsonArray)synthGroups["groups"]!).Select(g => (int)g!["users"]!));
        var csv = await Http.GetStringAsync($"/api/datasets/{(string)sampling["resultId"]!}/export?format=csv");
        Assert.StartsWith("user,item,rating,group\n", csv);
    }

    [Fact]
    public async Task A_trained_model_reports_curves_and_recommends_only_unrated_items()
    {
        var (datasetId, modelId) = await TrainedModelAsync();
        var model = (await GetJson($"/api/models/{modelId}"))!;
        Assert.Equal(("ready", datasetId, "ncf"), ((string)model["status"]!, (string)model["datasetId"]!, (string)model["kind"]!));
        Assert.InRange((double)model["rmse"]!, 0.3, 2.0);
        var curves = (JsonArray)model["curves"]!;
        // Two protocols × thresholds 4 and 5 × N = 2, 4, 6, 8, 10.
        Assert.Equal(20, curves.Count);
        Assert.Equal(["test-items", "thresholded"], curves.Select(c => (string)c!["protocol"]!).Distinct().Order());

        var known = ((JsonArray)(await GetJson($"/api/datasets/{datasetId}/users/1/ratings"))!).Select(r => (string)r!["item"]!).ToHashSet();
        var top = (JsonArray)(await GetJson($"/api/models/{modelId}/recommendations?user=1&n=10"))!;
        Assert.Equal(10, top.Count);
        Assert.All(top, r => Assert.DoesNotContain((string)r!["item"]!, known));
        var scores = top.Select(r => (double)r!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(top, r => Assert.Null(r!["reliability"]));

        Assert.Equal("user", (string)(await Problem(await Http.GetAsync($"/api/models/{modelId}/recommendations?user=99999"), HttpStatusCode.NotFound))["field"]!);
        Assert.Equal("user", (string)(await Problem(await Http.GetAsync($"/api/models/{modelId}/recommendations"), HttpStatusCode.BadRequest))["field"]!);
        Assert.Equal("n", (string)(await Problem(await Http.GetAsync($"/api/models/{modelId}/recommendations?user=1&n=0"), HttpStatusCode.BadRequest))["field"]!);
        await Problem(await Http.GetAsync("/api/models/model-missing/recommendations?user=1"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Classification_models_report_a_reliability()
    {
        var (_, modelId) = await TrainedModelAsync("ncf-classification");
        var top = (JsonArray)(await GetJson($"/api/models/{modelId}/recommendations?user=2&n=5"))!;
        Assert.All(top, r => Assert.InRange((double)r!["reliability"]!, 0.0, 1.0));
    }

    [Fact]
    public async Task Model_requests_are_validated_and_a_training_job_can_be_cancelled()
    {
        var datasetId = await CreateDemoAsync();
        Assert.Equal("kind", (string)(await Problem(await Http.PostAsJsonAsync("/api/models", new { datasetId, kind = "svd" }), HttpStatusCode.BadRequest))["field"]!);
        await Problem(await Http.PostAsJsonAsync("/api/models", new { datasetId = "ds-missing", kind = "ncf" }), HttpStatusCode.NotFound);
        var badJson = await Http.PostAsync("/api/models", new StringContent("{\"datasetId\": 5", Encoding.UTF8, "application/json"));
        Assert.Contains("JSON", (string)(await Problem(badJson, HttpStatusCode.BadRequest))["detail"]!);
        var badRatio = await Http.PostAsJsonAsync("/api/models", new { datasetId, kind = "ncf", options = new { testRatio = 1.5 } });
        Assert.Equal("options.testRatio", (string)(await Problem(badRatio, HttpStatusCode.BadRequest))["field"]!);

        var tooLong = await Problem(await Http.PostAsJsonAsync("/api/models", new { datasetId, kind = "ncf", options = new { epochs = 100_000 } }), HttpStatusCode.BadRequest);
        Assert.Equal("options.epochs", (string)tooLong["field"]!);
        var job = await Accepted(await Http.PostAsJsonAsync("/api/models", new { datasetId, kind = "ncf", options = new { epochs = 1000 } }));
        var jobId = (string)job["id"]!;
        var modelId = (string)job["resultId"]!;
        await Problem(await Http.GetAsync($"/api/models/{modelId}/recommendations?user=1"), HttpStatusCode.Conflict);

        var cancel = await Http.DeleteAsync($"/api/jobs/{jobId}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("cancelled", (string)(await WaitForJobAsync(jobId))["state"]!);
        Assert.Equal("cancelled", (string)(await GetJson($"/api/models/{modelId}"))!["status"]!);
        await Problem(await Http.DeleteAsync($"/api/jobs/{jobId}"), HttpStatusCode.Conflict);
        await Problem(await Http.GetAsync("/api/jobs/job-missing"), HttpStatusCode.NotFound);
        Assert.Contains((JsonArray)(await GetJson("/api/jobs"))!, j => (string)j!["id"]! == jobId);
    }

    [Fact]
    public async Task Jobs_queued_behind_a_busy_worker_all_run_in_turn()
    {
        var datasetId = await CreateDemoAsync();
        var jobs = new List<string>();
        foreach (var kind in new[] { "deepmf", "vdeepmf", "ncf", "ncf-binary" })
        {
            jobs.Add((string)(await Accepted(await Http.PostAsJsonAsync("/api/models", new { datasetId, kind, options = new { epochs = 2 } })))["id"]!);
        }
        foreach (var job in jobs)
        {
            var ended = await WaitForJobAsync(job);
            Assert.True((string)ended["state"]! == "succeeded", ended.ToJsonString());
        }
    }

    [Fact]
    public async Task Deleting_a_model_mid_training_cancels_its_job()
    {
        var datasetId = await CreateDemoAsync();
        var job = await Accepted(await Http.PostAsJsonAsync("/api/models", new { datasetId, kind = "deepmf", options = new { epochs = 1000 } }));
        await Wait.UntilAsync(async () => (string)(await GetJson($"/api/jobs/{(string)job["id"]!}"))!["state"]! == "running" ? "yes" : null, 60, "training to start");

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/models/{(string)job["resultId"]!}")).StatusCode);

        var ended = await WaitForJobAsync((string)job["id"]!);
        Assert.Equal("cancelled", (string)ended["state"]!);
        Assert.Contains("was deleted", (string)ended["error"]!);
        await Problem(await Http.GetAsync($"/api/models/{(string)job["resultId"]!}"), HttpStatusCode.NotFound);
        await Problem(await Http.DeleteAsync($"/api/models/{(string)job["resultId"]!}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dataset_still_being_made_cannot_train_models()
    {
        var source = await CreateDemoAsync();
        var generatorJob = await Accepted(await Http.PostAsJsonAsync("/api/generators", new
        {
            sourceDatasetId = source,
            options = new { iterations = 1_000_000, pretrainEpochs = 1 },
        }));
        var generatorId = (string)generatorJob["resultId"]!;
        await Problem(await Http.PostAsJsonAsync("/api/synthetic", new { generatorId }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.DeleteAsync($"/api/jobs/{(string)generatorJob["id"]!}")).StatusCode);
        Assert.Equal("cancelled", (string)(await WaitForJobAsync((string)generatorJob["id"]!))["state"]!);
    }

    [Fact]
    public async Task A_small_grid_runs_as_a_job_and_serves_its_results_and_files()
    {
        var source = await CreateDemoAsync();
        var badPreset = await Http.PostAsJsonAsync("/api/experiments", new { sourceDatasetId = source, preset = "huge" });
        Assert.Equal("preset", (string)(await Problem(badPreset, HttpStatusCode.BadRequest))["field"]!);
        await Problem(await Http.PostAsJsonAsync("/api/experiments", new { sourceDatasetId = "ds-missing" }), HttpStatusCode.NotFound);

        var job = await Accepted(await Http.PostAsJsonAsync("/api/experiments", new
        {
            sourceDatasetId = source, preset = "quick", variant = "stable", sampleScale = 0.2, iterations = 40, epochs = 1, rankingSeeds = 2,
        }));
        Assert.Equal("run-experiment", (string)job["kind"]!);
        var id = (string)job["resultId"]!;
        Assert.Equal("succeeded", (string)(await WaitForJobAsync((string)job["id"]!))["state"]!);

        var experiment = (await GetJson($"/api/experiments/{id}"))!;
        Assert.Equal("ready", (string)experiment["status"]!);
        var results = experiment["results"]!;
        Assert.Equal(["source", "ganrs-2000u-16k", "ganrs-8000u-16k", "ganrs-2000u-4k", "ganrs-2000u-10k", "ganrs-2000u-60k"],
            ((JsonArray)results["datasets"]!).Select(d => (string)d!["key"]!));
        Assert.Equal(36, ((JsonArray)results["cells"]!).Count);
        Assert.Equal(5, ((JsonArray)results["agreement"]!).Count);
        Assert.All((JsonArray)results["agreement"]!, a => Assert.Equal([1, 2], ((JsonArray)a!["seeds"]!).Select(s => (int)s!)));
        Assert.Equal(6 * 2 + 2, ((JsonArray)results["trends"]!).Count);

        var csv = await Http.GetAsync($"/api/experiments/{id}/files/results.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("dataset,users,items", await csv.Content.ReadAsStringAsync());
        var report = await Http.GetStringAsync($"/api/experiments/{id}/files/report.md");
        Assert.Contains("Kendall τ", report);
        Assert.Contains("self-agreement", report);
        await Problem(await Http.GetAsync($"/api/experiments/{id}/files/secrets.txt"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_items_file_shows_the_items_by_genre_and_a_bad_one_names_its_line()
    {
        var source = (string)(await Json(await UploadAsync(TestFiles.DemoAsUData(), "u.data", "with genres")))["id"]!;
        var items = Enumerable.Range(0, (int)(await GetJson($"/api/datasets/{source}"))!["stats"]!["items"]!).ToList();
        var export = await Http.GetStringAsync($"/api/datasets/{source}/export?format=csv");
        var ids = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]).Distinct().ToList();
        Assert.Equal(items.Count, ids.Count);
        static ByteArrayContent File(string text) => new(Encoding.UTF8.GetBytes(text));

        var bad = await Problem(await Http.PutAsync($"/api/datasets/{source}/items-file?fileName=movies.csv",
            File("movieId,title,genres\n" + string.Join("\n", ids.Select(id => $"{id},\"A, film\",Drama")) + "\n" + ids[0] + ",again,Comedy\n")), HttpStatusCode.BadRequest);
        Assert.Equal($"movies.csv:{ids.Count + 2}:item", (string)bad["field"]!);
        Assert.Null((await GetJson($"/api/datasets/{source}"))!["stats"]!["itemGroups"]);

        var attached = await Json(await Http.PutAsync($"/api/datasets/{source}/items-file?fileName=movies.csv",
            File("movieId,title,genres\n" + string.Join("\n", ids.Select((id, i) => $"{id},\"A, film {i}\",{(i % 2 == 0 ? "Drama|Comedy" : "Drama")}")) + "\nunrated,Never seen,Horror\n")));
        var genres = ((JsonArray)attached["stats"]!["itemGroups"]!).Single()!;
        Assert.Equal("genres", (string)genres["attribute"]!);
        Assert.Equal([("Drama", ids.Count), ("Comedy", (ids.Count + 1) / 2)],
            ((JsonArray)genres["groups"]!).Select(g => ((string)g!["value"]!, (int)g["items"]!)));
        Assert.Equal("movies.csv", (string)attached["itemsFileName"]!);

        // A body over the bound is refused before it is read whole, and the dataset keeps its file.
        var huge = await Problem(await Http.PutAsync($"/api/datasets/{source}/items-file", new ByteArrayContent(new byte[Shared.IDatasetGrain.MaxSideInfoFileBytes + 1])),
            HttpStatusCode.BadRequest);
        Assert.Equal("file", (string)huge["field"]!);
        Assert.Equal("movies.csv", (string)(await GetJson($"/api/datasets/{source}"))!["itemsFileName"]!);
    }

    [Fact]
    public async Task A_grid_scenario_it_cannot_sample_is_refused_before_any_job()
    {
        var source = await CreateDemoAsync();
        var groups = await Problem(await Http.PostAsJsonAsync("/api/experiments", new
        {
            sourceDatasetId = source, preset = "quick", scenario = new { groupShares = new Dictionary<string, double> { ["F"] = 1 } },
        }), HttpStatusCode.BadRequest);
        Assert.Equal("scenario.groupShares", (string)groups["field"]!);
        var variant = await Problem(await Http.PostAsJsonAsync("/api/experiments", new
        {
            sourceDatasetId = source, preset = "quick", variant = "stable", scenario = new { coldUsers = new { share = 0.3, maxRatings = 5 } },
        }), HttpStatusCode.BadRequest);
        Assert.Equal("scenario.coldUsers", (string)variant["field"]!);
        Assert.Contains("matched", (string)variant["detail"]!);
    }

    [Fact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        var document = (await GetJson("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/models/{id}/recommendations", paths);
        Assert.Contains("/api/jobs/{id}", paths);
        // The bounds are in the schema, as the engine enforces them.
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal(1_000_000, (int)schemas["GeneratorSettings"]!["properties"]!["iterations"]!["maximum"]!);
        Assert.Equal(1000, (int)schemas["ModelSettings"]!["properties"]!["epochs"]!["maximum"]!);
        Assert.Equal(25_000_000, (long)schemas["SyntheticRequest"]!["properties"]!["ratings"]!["maximum"]!);
        var page = await Http.GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_models_predictions_download_reproduces_its_reported_curves_and_rmse()
    {
        var (_, modelId) = await TrainedModelAsync();
        var response = await Http.GetAsync($"/api/models/{modelId}/predictions");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["ncf.predictions.csv", "ncf.top-n.csv"], zip.Entries.Select(e => e.FullName).Order());
        List<string[]> fields;
        using (var reader = new StreamReader(zip.GetEntry("ncf.predictions.csv")!.Open()))
        {
            Assert.Equal("user,item,rating,score,prediction", await reader.ReadLineAsync());
            fields = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        }
        static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var rows = fields.Select(f => (User: f[0], Rating: Number(f[2]), Score: Number(f[3]))).ToList();

        var model = (await GetJson($"/api/models/{modelId}"))!;
        var rmse = Math.Sqrt(fields.Average(f => Math.Pow(Math.Clamp(Number(f[4]), 1, 5) - Number(f[2]), 2)));
        Assert.Equal((double)model["rmse"]!, rmse, 1e-6);
        var checkedPoints = 0;
        foreach (var point in ((JsonArray)model["curves"]!).Where(p => (string)p!["protocol"]! == "test-items"))
        {
            var (precision, recall, f1) = GanRsSandbox.Tests.Shared.IndependentMetrics.Recompute(rows, (double)point!["threshold"]!, (int)point["n"]!);
            Assert.Equal((double)point["precision"]!, precision, 1e-9);
            Assert.Equal((double)point["recall"]!, recall, 1e-9);
            Assert.Equal((double)point["f1"]!, f1, 1e-9);
            checkedPoints++;
        }
        Assert.Equal(10, checkedPoints);
        await Problem(await Http.GetAsync("/api/models/model-nope/predictions"), HttpStatusCode.NotFound);
    }

    public async Task<(string Dataset, string Model)> TrainedModelAsync(string kind = "ncf")
    {
        var created = await Json(await UploadAsync(TestFiles.DemoAsUData(), "u.data"));
        var datasetId = (string)created["id"]!;
        var job = await Accepted(await Http.PostAsJsonAsync("/api/models", new { datasetId, kind, options = new { epochs = 3 } }));
        Assert.Equal("succeeded", (string)(await WaitForJobAsync((string)job["id"]!))["state"]!);
        return (datasetId, (string)job["resultId"]!);
    }

    private async Task<string> CreateDemoAsync() =>
        (string)(await Json(await Http.PostAsJsonAsync("/api/datasets/demo", new { seed = 6 })))["id"]!;

    private async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, string? name = null, string? format = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }
        return await Http.PostAsync("/api/datasets", form);
    }

    private async Task<JsonNode> Accepted(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var job = await Json(response);
        Assert.Equal($"/api/jobs/{(string)job["id"]!}", response.Headers.Location!.ToString());
        return job;
    }

    // A hang guard, not a timing check: the grid job here took 2-4 min on a loaded 2-core CI machine.
    private Task<JsonNode> WaitForJobAsync(string jobId) =>
        Wait.UntilAsync(async () => (await GetJson($"/api/jobs/{jobId}")) is { } job && (string)job["state"]! is "succeeded" or "failed" or "cancelled" ? job : null,
            600, $"job {jobId}");

    public async Task<JsonNode?> GetJson(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)expected, (int)problem["status"]!);
        return problem;
    }
}
