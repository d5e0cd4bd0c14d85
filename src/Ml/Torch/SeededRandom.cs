using TorchSharp;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Torch;

/// <summary>
/// Reproducibility when several models train at once in one process (parallel tests, a silo running jobs side
/// by side). Everything random during training draws from the model's own <see cref="torch.Generator"/>;
/// only weight initialisation uses libtorch's global generator, and it is seeded and run under one lock. Every module
/// built anywhere in the process must be built through <see cref="Build{T}"/>, including those whose weights are
/// loaded right after: any draw from the global generator outside the lock shifts a concurrent seeded build.
/// </summary>
internal static class SeededRandom
{
    private static readonly Lock InitialisationLock = new();

    /// <summary>Builds a module with libtorch's global generator seeded, with no other build in between.</summary>
    public static T Build<T>(int seed, Func<T> build)
    {
        lock (InitialisationLock)
        {
            torch.random.manual_seed(seed);
            return build();
        }
    }

    public static torch.Generator Generator(int seed) => new((ulong)(uint)seed);
}

/// <summary>Inverted dropout that draws its mask from a given generator instead of libtorch's global one.</summary>
internal sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _probability;
    private readonly torch.Generator _random;

    /// <summary>The keep probability, held for the module's life: an implicit Scalar can be finalised mid-call (see FlatAdam).</summary>
    private readonly Scalar _keep;

    public SeededDropout(double probability, torch.Generator random) : base(nameof(SeededDropout))
    {
        _probability = probability;
        _random = random;
        _keep = (1 - probability).ToScalar();
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || _probability == 0)
        {
            // A new handle, as the built-in layers return: Sequential disposes each layer's input once used.
            return input.alias();
        }
        var keep = 1 - _probability;
        var mask = torch.empty_like(input).bernoulli_(keep, generator: _random);
        var output = input * mask.div_(_keep);
        GC.KeepAlive(this);
        return output;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keep.Dispose();
        }
        base.Dispose(disposing);
    }
}
