using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GanRsSandbox.Ui.Tests;

/// <summary>
/// What pushed changes cost and how fast they arrive, in a real browser against the real hosts: the grain calls the
/// silo receives from the web host while three pages stay open and nothing runs, and the delay from a job's progress
/// being published to the open page showing it. bench/push.sh runs it and keeps the figures.
/// </summary>
public sealed class PushMeasurement(UiHosts hosts, ITestOutputHelper output) : IClassFixture<UiHosts>
{
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.NetworkIdle };

    [MeasurementFact]
    public async Task Idle_pages_cost_no_grain_calls_and_progress_reaches_an_open_page_quickly()
    {
        var idleSeconds = int.Parse(Environment.GetEnvironmentVariable("GANRS_MEASURE_SECONDS") ?? "60", CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = new Uri(hosts.BaseUrl) };
        var created = await http.PostAsJsonAsync("/api/datasets/demo", new { name = "measured", seed = 1 });
        var datasetId = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync();
            var pages = new List<IPage>();
            foreach (var path in new[] { "/datasets", "/models", "/jobs" })
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(hosts.BaseUrl + path, Loaded);
                pages.Add(page);
            }
            var counter = hosts.WebServices.GetRequiredService<GrainCallCounter>();
            var before = counter.Count;
            var methodsBefore = counter.ByMethod.ToDictionary();
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var idleCallers = counter.ByMethod.Where(m => m.Value > methodsBefore.GetValueOrDefault(m.Key))
                .ToDictionary(m => m.Key, m => m.Value - methodsBefore.GetValueOrDefault(m.Key));
            // The sandbox's own grains, apart from the Orleans client's housekeeping (its cluster manifest refresh) and the
            // dashboard's telemetry (the web host's call counters, every five minutes).
            var idleCalls = idleCallers.Where(m => m.Key.StartsWith("GanRsSandbox.", StringComparison.Ordinal)).Sum(m => m.Value);
            var dashboardCalls = idleCallers.Where(m => m.Key.StartsWith("Orleans.Dashboard", StringComparison.Ordinal)).Sum(m => m.Value);
            var runtimeCalls = idleCallers.Where(m => m.Key.StartsWith("Orleans.Runtime", StringComparison.Ordinal)).Sum(m => m.Value);

            // Progress: the Models page shows the running job; record when each text appears there.
            var models = pages[1];
            await models.EvaluateAsync("""
                () => {
                  window.__seen = [];
                  const note = () => {
                    const el = document.querySelector('[data-testid=job-progress]');
                    if (el) window.__seen.push([Date.now(), el.textContent]);
                  };
                  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
                }
                """);
            var published = new ConcurrentQueue<(long At, string Text)>();
            var events = hosts.WebServices.GetRequiredService<ISandboxEvents>();
            void Heard(SandboxEvent change)
            {
                if (change is { ProgressOnly: true, Job.Progress: { } progress })
                {
                    published.Enqueue((change.At.ToUnixTimeMilliseconds(), StageProgressText.Describe(progress)));
                }
            }
            events.Changed += Heard;
            var started = await http.PostAsJsonAsync("/api/models", new { datasetId, kind = "deepmf", options = new { epochs = 40 } });
            var jobId = (string)JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!;
            while ((string)JsonNode.Parse(await http.GetStringAsync($"/api/jobs/{jobId}"))!["state"]! is "queued" or "running")
            {
                await Task.Delay(500);
            }
            await Task.Delay(1000);
            events.Changed -= Heard;
            var seen = (await models.EvaluateAsync<JsonElement>("() => window.__seen")).EnumerateArray()
                .Select(e => (At: e[0].GetInt64(), Text: e[1].GetString() ?? "")).ToList();
            var lags = published.Select(p => seen.FirstOrDefault(s => s.At >= p.At - 5 && s.Text.Contains(p.Text, StringComparison.Ordinal)) is { Text.Length: > 0 } shown
                    ? shown.At - p.At
                    : (long?)null).ToList();
            var shownLags = lags.OfType<long>().Order().ToList();
            double Quantile(double q) => shownLags.Count == 0 ? double.NaN : shownLags[(int)Math.Min(shownLags.Count - 1, Math.Floor(q * shownLags.Count))];
            var figures = new
            {
                pagesOpen = pages.Count,
                idleSeconds,
                idleSandboxGrainCalls = idleCalls,
                idleDashboardTelemetryCalls = dashboardCalls,
                idleOrleansRuntimeCalls = runtimeCalls,
                idleCallers,
                progressEvents = published.Count,
                shownOnPage = shownLags.Count,
                supersededBeforeShown = lags.Count(l => l is null),
                lagMsMedian = Quantile(0.5),
                lagMsP95 = Quantile(0.95),
                lagMsMax = shownLags.Count == 0 ? double.NaN : shownLags[^1],
            };
            var json = JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
            output.WriteLine(json);
            if (Environment.GetEnvironmentVariable("GANRS_MEASURE_OUT") is { } outPath)
            {
                await File.WriteAllTextAsync(outPath, json);
            }
            Assert.Equal(0, idleCalls);
            Assert.True(figures.lagMsP95 < 1000, json);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
