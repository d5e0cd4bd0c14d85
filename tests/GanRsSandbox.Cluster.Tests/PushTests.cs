using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>Changes reach the web host as pushed events: new resources, and a job's state and structured progress as it runs.</summary>
[Collection(ApiCollection.Name)]
public sealed class PushTests(ApiFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_imports_parse_progress_reaches_the_web_host_and_is_no_reason_to_reload_a_list()
    {
        var events = fixture.WebServices.GetRequiredService<ISandboxEvents>();
        var heard = new ConcurrentQueue<SandboxEvent>();
        events.Changed += heard.Enqueue;
        try
        {
            var datasets = fixture.WebServices.GetRequiredService<IDatasetService>();
            var sent = new List<StageProgress>();
            var bytes = TestFiles.DemoAsUData();
            var sentTo = await datasets.SendAsync(new MemoryStream(bytes), bytes.Length, new SynchronousProgress(sent.Add));
            await datasets.ImportAsync(new DatasetUpload { Name = "with progress", FileName = "u.data" }, sentTo);

            Assert.Equal((StageNames.Upload, bytes.Length, bytes.Length), (sent[^1].Stage, sent[^1].Step, sent[^1].Steps));
            var until = DateTime.UtcNow + Deadline;
            while (!heard.Any(e => e.Id == sentTo && e.Progress is not null) && DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
            var progress = heard.Where(e => e.Id == sentTo && e.Progress is not null).ToList();
            Assert.NotEmpty(progress);
            Assert.All(progress, e => Assert.True(e is { ProgressOnly: true, Job: null, Kind: RegistryEntryKind.Dataset }));
            Assert.Contains(progress, e => e.Progress!.Stage is StageNames.Import or StageNames.Store);
        }
        finally
        {
            events.Changed -= heard.Enqueue;
        }
    }

    private sealed class SynchronousProgress(Action<StageProgress> report) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => report(value);
    }

    [Fact]
    public async Task The_web_host_hears_of_a_new_dataset_and_of_a_training_jobs_progress_and_end()
    {
        var events = fixture.WebServices.GetRequiredService<ISandboxEvents>();
        var heard = new ConcurrentQueue<SandboxEvent>();
        var signal = new SemaphoreSlim(0);
        void Listen(SandboxEvent change)
        {
            heard.Enqueue(change);
            signal.Release();
        }
        events.Changed += Listen;
        try
        {
            var created = await fixture.Client.PostAsJsonAsync("/api/datasets/demo", new { name = "pushed", seed = 3 });
            var datasetId = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
            await Until(() => heard.Any(e => e is { Kind: RegistryEntryKind.Dataset } && e.Id == datasetId));

            var started = await fixture.Client.PostAsJsonAsync("/api/models", new { datasetId, kind = "deepmf", options = new { epochs = 2 } });
            var jobId = (string)JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!;
            await Until(() => heard.Any(e => e.Job is { State: JobState.Succeeded } job && job.Id == jobId));

            var ofJob = heard.Where(e => e.Id == jobId && e.Job is not null).Select(e => e.Job!).ToList();
            // Structured progress came with the job: the training stage, counted in steps, with its epoch and loss.
            Assert.Contains(ofJob, j => j.Progress is { Stage: "train", Steps: > 0 } p && p.Metric("loss") is not null && p.Metric("epochs") == 2);
            Assert.Equal(JobState.Succeeded, ofJob[^1].State);
            Assert.Equal("done", ofJob[^1].Progress!.Stage);

            // The trained model's curves as a paper figure, both formats.
            var png = await fixture.Client.GetAsync($"/api/datasets/{datasetId}/figure.png?protocol=test-items&threshold=4");
            Assert.Equal(("image/png", (byte)0x89), (png.Content.Headers.ContentType?.MediaType, (await png.Content.ReadAsByteArrayAsync())[0]));
            var svg = await fixture.Client.GetStringAsync($"/api/datasets/{datasetId}/figure.svg?protocol=test-items&threshold=4");
            Assert.Contains("deepmf", svg);
            var bad = await fixture.Client.GetAsync($"/api/datasets/{datasetId}/figure.gif?protocol=test-items&threshold=4");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        }
        finally
        {
            events.Changed -= Listen;
        }

        async Task Until(Func<bool> condition)
        {
            var until = DateTime.UtcNow + Deadline;
            while (!condition())
            {
                var left = until - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, $"not heard within {Deadline}: {string.Join("; ", heard.Select(e => $"{e.Kind} {e.Id} {e.Job?.State}"))}");
                await signal.WaitAsync(left);
            }
        }
    }

    [Fact]
    public async Task The_web_host_counts_the_grain_calls_it_makes()
    {
        var counter = fixture.WebServices.GetRequiredService<GrainCallCounter>();
        var before = counter.Count;
        (await fixture.Client.GetAsync("/api/datasets")).EnsureSuccessStatusCode();
        Assert.True(counter.Count > before, "listing datasets is at least one grain call from the web host");
    }

    [Fact]
    public async Task The_web_host_serves_the_orleans_dashboard_and_the_catalog()
    {
        // The bare path redirects to the dashboard's folder, which the client follows.
        var dashboard = await fixture.Client.GetAsync("/dashboard");
        Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await fixture.Client.GetAsync("/dashboard/")).StatusCode);
        Assert.Contains("html", dashboard.Content.Headers.ContentType?.MediaType ?? "");

        var catalog = JsonNode.Parse(await fixture.Client.GetStringAsync("/api/catalog"))!;
        Assert.Contains("ncf-improved", ((JsonArray)catalog["models"]!).Select(m => (string)m!["name"]!));
        Assert.Equal("matched", (string)catalog["defaultVariant"]!);
        var users = ((JsonArray)catalog["options"]!["sampling"]!).Single(o => (string)o!["name"]! == "users")!;
        Assert.Equal((2000, 1_000_000), ((int)users["default"]!, (int)users["max"]!));
    }
}
