// The web host: an Orleans client that will serve the Blazor UI and the REST API.
// Until those land it answers only a liveness probe, so that the AppHost can start and watch it.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
await app.RunAsync();
