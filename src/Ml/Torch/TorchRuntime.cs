using TorchSharp;

namespace GanRsSandbox.Ml.Torch;

/// <summary>Chooses where tensors live. "auto" takes CUDA when libtorch sees a GPU, else the CPU.</summary>
public static class TorchRuntime
{
    public static readonly string[] DeviceNames = ["cpu", "cuda", "auto"];

    public static torch.Device ResolveDevice(string name) => name.ToLowerInvariant() switch
    {
        "cpu" => torch.CPU,
        "cuda" => torch.cuda.is_available()
            ? torch.CUDA
            : throw new ArgumentException("device 'cuda' was requested but libtorch sees no CUDA device (this build ships the CPU libtorch unless built with -p:TorchDevice=cuda)"),
        "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        _ => throw new ArgumentException($"unknown device '{name}': expected cpu, cuda or auto"),
    };

    /// <summary>
    /// The intra-op thread count for a training batch size. At the paper's batch of 32 every operation is far
    /// below libtorch's parallel grain, so extra threads only add hand-offs: on 2 cores one thread trains the
    /// baselines 2-3x faster than two (bench/README.md). Large batches do use every core.
    /// </summary>
    public static int ThreadsForBatch(int batchSize) => batchSize <= 256 ? 1 : Environment.ProcessorCount;
}
