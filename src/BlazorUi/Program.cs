using System.Text.Json;
using System.Text.Json.Serialization;
using GanRsSandbox.BlazorUi;
using GanRsSandbox.BlazorUi.Api;
using GanRsSandbox.BlazorUi.Components;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Ml.Catalog;
using GanRsSandbox.Shared;
using Microsoft.AspNetCore.RateLimiting;
using MudBlazor.Services;
using Orleans.Dashboard;

// The web host: an Orleans client that serves the Blazor UI and the REST API.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
// Serve MudBlazor's and the framework's assets from the build output in every environment, not only Development:
// `dotnet run -c Release` is how the sandbox is started. A published app has no such manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();
var limits = builder.Configuration.GetSection(ApiLimits.Section).Get<ApiLimits>() ?? new ApiLimits();
builder.Services.Configure<ApiLimits>(builder.Configuration.GetSection(ApiLimits.Section));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxUploadBytes + ApiLimits.MultipartOverhead);

builder.AddServiceDefaults();
builder.UseOrleansClient(client => ClusterConnection.Configure(client, builder.Configuration));
builder.Services.Configure<DownloadSettings>(builder.Configuration.GetSection(DownloadSettings.Section));
// The downloader bounds a whole transfer by its own timeout; HttpClient's default 100 s would cut ml-25m short.
builder.Services.AddHttpClient<GanRsSandbox.Ml.Data.MovieLensDownloader>(http => http.Timeout = Timeout.InfiniteTimeSpan);
builder.Services.AddSingleton<IDatasetService, DatasetService>();
builder.Services.AddSingleton<IGeneratorService, GeneratorService>();
builder.Services.AddSingleton<IModelService, ModelService>();
builder.Services.AddSingleton<IExperimentService, ExperimentService>();
builder.Services.AddSingleton<IJobService, JobService>();
builder.Services.AddSingleton(EngineCatalog.Current);
builder.Services.AddSingleton<FigureService>();
builder.Services.AddSingleton<ClusterSandboxEvents>();
builder.Services.AddSingleton<ISandboxEvents>(services => services.GetRequiredService<ClusterSandboxEvents>());
builder.Services.AddHostedService(services => services.GetRequiredService<ClusterSandboxEvents>());

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
// Uploads from the UI travel over the SignalR circuit; the hub must accept a whole file's chunks.
builder.Services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);

builder.Services.ConfigureHttpJsonOptions(json =>
{
    EngineVocabulary.Configure(json.SerializerOptions);
    // The cluster's own enums (job kinds, states); the engine's name themselves.
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
});
// Bad JSON reaches ProblemMapping as an exception, so that its problem names the field and position.
builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.AddOpenApi();
builder.Services.AddRateLimiter(rate =>
{
    rate.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
    rate.AddConcurrencyLimiter(SandboxApi.ApiPolicy, o => (o.PermitLimit, o.QueueLimit) = (limits.ConcurrentRequests, limits.QueuedRequests));
    rate.AddConcurrencyLimiter(SandboxApi.UploadPolicy, o => (o.PermitLimit, o.QueueLimit) = (limits.ConcurrentUploads, limits.ConcurrentUploads * 2));
});

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAntiforgery();
app.MapStaticAssets();
app.UseRateLimiter();
app.MapOpenApi();
app.UseSwaggerUI(ui =>
{
    ui.SwaggerEndpoint("/openapi/v1.json", "GanRsSandbox API v1");
    ui.RoutePrefix = "api/docs";
    ui.DocumentTitle = "GanRsSandbox API";
});
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapDefaultEndpoints();
app.MapSandboxApi();
// The Orleans Dashboard: silos, grains, calls and latencies of the cluster this web host is a client of.
app.MapOrleansDashboard("/dashboard");
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
