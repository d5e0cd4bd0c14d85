using GanRsSandbox.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// A sandbox silo: owns datasets, generators and models, and runs their jobs. README, "Running" and "Scaling out".
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, SiloSetup.Switches.ToDictionary());
builder.AddServiceDefaults();
builder.UseOrleans(silo => SiloSetup.Configure(silo, builder.Configuration));
await builder.Build().RunAsync();
