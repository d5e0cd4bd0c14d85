using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Models;

/// <summary>
/// Adam (Kingma &amp; Ba; the same update as torch.optim.Adam without weight decay) over parameters that share
/// one flat buffer. The baselines are tiny, so a step's cost is the number of tensor operations, not their size:
/// re-pointing every parameter and its gradient into one buffer makes an update 7 operations instead of ~8 per
/// parameter tensor.
/// </summary>
internal sealed class FlatAdam : IDisposable
{
    private readonly Tensor _values;
    private readonly Tensor _gradients;
    private readonly Tensor _firstMoment;
    private readonly Tensor _secondMoment;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;

    // TorchSharp passes a Scalar's native handle and no longer references the managed object, so an implicit Scalar
    // (a double argument) can be finalised, and its native memory freed, by a GC during the very call that reads it:
    // under load (a silo serving queries while it trains) that fails a step with "Expected false to be true" from
    // c10::Scalar::toFloat. These Scalars live as long as the optimiser, and the per-step ones until the step ends.
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;
    private readonly Scalar _one;
    private long _step;

    public FlatAdam(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        var list = parameters.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("no parameters to optimise", nameof(parameters));
        }
        var total = list.Sum(p => p.numel());
        var device = list[0].device;
        var dtype = list[0].dtype;
        _values = zeros(total, dtype: dtype, device: device);
        _gradients = zeros(total, dtype: dtype, device: device);
        _firstMoment = zeros(total, dtype: dtype, device: device);
        _secondMoment = zeros(total, dtype: dtype, device: device);
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
        _one = 1.ToScalar();

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long offset = 0;
        foreach (var parameter in list)
        {
            var count = parameter.numel();
            var slot = _values.narrow(0, offset, count).view(parameter.shape);
            slot.copy_(parameter);
            parameter.set_(slot);
            // Autograd accumulates into an existing gradient in place, so it writes straight into the flat buffer.
            parameter.grad = _gradients.narrow(0, offset, count).view(parameter.shape);
            offset += count;
        }
    }

    public void ZeroGrad() => _gradients.zero_();

    /// <summary>One update; the temporaries it makes belong to the caller's dispose scope.</summary>
    public void Step()
    {
        _step++;
        using var noGrad = no_grad();
        var biasCorrection1 = 1 - Math.Pow(_beta1, _step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, _step);
        using var correction2 = Math.Sqrt(biasCorrection2).ToScalar();
        using var stepSize = (-_learningRate / biasCorrection1).ToScalar();
        // lerp_ takes its weight as a tensor, which the caller's dispose scope keeps alive.
        _firstMoment.lerp_(_gradients, 1 - _beta1);
        _secondMoment.mul_(_beta2Scalar).addcmul_(_gradients, _gradients, _oneMinusBeta2);
        var denominator = _secondMoment.sqrt().div_(correction2).add_(_epsilon, _one);
        _values.addcdiv_(_firstMoment, denominator, stepSize);
        GC.KeepAlive(this);
    }

    public void Dispose()
    {
        _values.Dispose();
        _gradients.Dispose();
        _firstMoment.Dispose();
        _secondMoment.Dispose();
        _beta2Scalar.Dispose();
        _oneMinusBeta2.Dispose();
        _epsilon.Dispose();
        _one.Dispose();
    }
}
