using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GanRsSandbox.Silo;

/// <summary>
/// A sandbox silo: owns datasets, generators and models, and runs their jobs (README, "Running the sandbox").
/// An explicit entry point, so that test projects that reference both hosts see only the web host's Program.
/// </summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddCommandLine(args, SiloSetup.Switches.ToDictionary());
        builder.AddServiceDefaults();
        builder.UseOrleans(silo => SiloSetup.Configure(silo, builder.Configuration));
        await builder.Build().RunAsync();
    }
}
