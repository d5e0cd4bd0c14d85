using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.RateLimiting;
using GanRsSandbox.BlazorUi;
using GanRsSandbox.BlazorUi.Api;
using GanRsSandbox.BlazorUi.Features;

// The web host: an Orleans client that serves the REST API (and, with issue 5, the Blazor UI).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
var limits = builder.Configuration.GetSection(ApiLimits.Section).Get<ApiLimits>() ?? new ApiLimits();
builder.Services.Configure<ApiLimits>(builder.Configuration.GetSection(ApiLimits.Section));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxUploadBytes + ApiLimits.MultipartOverhead);

builder.UseOrleansClient(client => ClusterConnection.Configure(client, builder.Configuration));
builder.Services.AddSingleton<DatasetService>();
builder.Services.AddSingleton<GeneratorService>();
builder.Services.AddSingleton<ModelService>();
builder.Services.AddSingleton<JobService>();

builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
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
app.UseRateLimiter();
app.MapOpenApi();
app.UseSwaggerUI(ui =>
{
    ui.SwaggerEndpoint("/openapi/v1.json", "GanRsSandbox API v1");
    ui.RoutePrefix = "api/docs";
    ui.DocumentTitle = "GanRsSandbox API";
});
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapSandboxApi();
await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
