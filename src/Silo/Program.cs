using Microsoft.Extensions.Hosting;

// The embedded default: one silo on localhost. Storage, workers and GPU tagging arrive with the Orleans tier.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseLocalhostClustering());
await builder.Build().RunAsync();
