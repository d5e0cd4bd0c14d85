using GanRsSandbox.Ml.Torch;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.Grains;

/// <summary>
/// The device this silo publishes for placement, decided once at start: configuration, else what libtorch sees.
/// A silo configured as cuda without a visible GPU keeps the tag (so placement can be tested and planned without one)
/// but trains on the CPU; the job record shows the device that really ran.
/// </summary>
public sealed class SiloCompute(IOptions<SandboxOptions> options)
{
    /// <summary>The silo metadata key under which each silo publishes its device, for placement.</summary>
    public const string MetadataKey = "ganrs-device";

    public ComputeDevice Device { get; } = Resolve(options.Value.Device);

    /// <summary>Where this silo's jobs really run, as the engine's options name it.</summary>
    public string TorchDevice => Device == ComputeDevice.Cuda && TorchSharp.torch.cuda.is_available() ? "cuda" : "cpu";

    public static ComputeDevice Resolve(string configured) => configured.ToLowerInvariant() switch
    {
        "cuda" => ComputeDevice.Cuda,
        "cpu" => ComputeDevice.Cpu,
        "auto" => TorchSharp.torch.cuda.is_available() ? ComputeDevice.Cuda : ComputeDevice.Cpu,
        _ => throw new ArgumentException($"Sandbox:Device: unknown device '{configured}' ({string.Join(", ", TorchRuntime.DeviceNames)})"),
    };

    public static string MetadataValue(ComputeDevice device) => device == ComputeDevice.Cuda ? "cuda" : "cpu";
}
