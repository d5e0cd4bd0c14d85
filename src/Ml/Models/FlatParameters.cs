using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Models;

/// <summary>
/// A module's parameters and their gradients re-pointed into two flat buffers. The networks here are tiny, so an
/// optimiser step costs its number of tensor operations, not their size: over one buffer an update is a handful of
/// operations instead of several per parameter tensor, and clipping every weight is one.
/// </summary>
internal sealed class FlatParameters : IDisposable
{
    public FlatParameters(IEnumerable<Parameter> parameters)
    {
        var list = parameters.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("no parameters to optimise", nameof(parameters));
        }
        var total = list.Sum(p => p.numel());
        var device = list[0].device;
        var dtype = list[0].dtype;
        Values = zeros(total, dtype: dtype, device: device);
        Gradients = zeros(total, dtype: dtype, device: device);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long offset = 0;
        foreach (var parameter in list)
        {
            var count = parameter.numel();
            var slot = Values.narrow(0, offset, count).view(parameter.shape);
            slot.copy_(parameter);
            parameter.set_(slot);
            // Autograd accumulates into an existing gradient in place, so it writes straight into the flat buffer.
            parameter.grad = Gradients.narrow(0, offset, count).view(parameter.shape);
            offset += count;
        }
    }

    /// <summary>Every parameter, end to end.</summary>
    public Tensor Values { get; }

    /// <summary>Every parameter's gradient, in the same places.</summary>
    public Tensor Gradients { get; }

    public void ZeroGrad() => Gradients.zero_();

    public void Dispose()
    {
        Values.Dispose();
        Gradients.Dispose();
    }
}
