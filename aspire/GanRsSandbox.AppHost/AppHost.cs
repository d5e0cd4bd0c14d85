// Starts the sandbox: silo(s) and the web host, wired together, with the Aspire dashboard and OpenTelemetry.
// Settings (README, "Running the sandbox"):
//   Sandbox:Silos  how many silos (default 1); extra ones join the first by localhost clustering or through Redis.
//   Sandbox:Redis  empty (default): localhost clustering and SQLite state;
//                  "container": an Aspire Redis container (needs Docker or Podman);
//                  host:port: an existing Redis server, e.g. Debian's redis-server.
//   Sandbox:DataDirectory  grain state and artifacts (default: data/ at the repository root).
var builder = DistributedApplication.CreateBuilder(args);

var silos = int.TryParse(builder.Configuration["Sandbox:Silos"], out var count) && count > 0 ? count : 1;
var redisSetting = builder.Configuration["Sandbox:Redis"];
var dataDirectory = Path.GetFullPath(builder.Configuration["Sandbox:DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", "..", "data"));
IResourceBuilder<RedisResource>? redisContainer = redisSetting == "container" ? builder.AddRedis("redis") : null;

IResourceBuilder<ProjectResource>? first = null;
var siloResources = new List<IResourceBuilder<ProjectResource>>();
for (var i = 0; i < silos; i++)
{
    var silo = builder.AddProject<Projects.GanRsSandbox_Silo>(i == 0 ? "silo" : $"silo-{i + 1}")
        .WithEnvironment("Sandbox__DataDirectory", dataDirectory)
        .WithEnvironment("Cluster__SiloPort", (11111 + i).ToString())
        .WithEnvironment("Cluster__GatewayPort", (30000 + i).ToString());
    ConfigureClustering(silo);
    if (first is not null)
    {
        silo.WithEnvironment("Cluster__PrimarySiloPort", "11111").WaitFor(first);
    }
    first ??= silo;
    siloResources.Add(silo);
}

var web = builder.AddProject<Projects.GanRsSandbox_BlazorUi>("web")
    .WithHttpEndpoint(port: 5080, name: "http", isProxied: false)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Cluster__GatewayPort", "30000")
    .WaitFor(first!);
ConfigureClustering(web);

var app = builder.Build();
Console.WriteLine("GanRsSandbox: the sandbox opens at http://localhost:5080 once the silo and the web host are up; the dashboard's login link follows.");
app.Run();

void ConfigureClustering(IResourceBuilder<ProjectResource> project)
{
    if (redisContainer is not null)
    {
        project.WithEnvironment("Cluster__Mode", "redis").WithReference(redisContainer).WaitFor(redisContainer);
    }
    else if (!string.IsNullOrEmpty(redisSetting))
    {
        project.WithEnvironment("Cluster__Mode", "redis").WithEnvironment("Cluster__Redis", redisSetting);
    }
}
