using GanRsSandbox.Ml.Torch;

namespace GanRsSandbox.Cli;

/// <summary>The --device option, checked against the devices the engine knows.</summary>
internal static class Devices
{
    public static string Parse(string? text)
    {
        var device = text ?? "cpu";
        return TorchRuntime.DeviceNames.Contains(device) ? device : throw new UsageException($"--device: unknown device '{device}' (cpu, cuda or auto)");
    }
}
