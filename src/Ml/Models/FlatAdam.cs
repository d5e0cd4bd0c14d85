using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Models;

/// <summary>
/// Adam (Kingma &amp; Ba; the same update as torch.optim.Adam without weight decay) over parameters that share
/// one flat buffer (<see cref="FlatParameters"/>): an update is 7 operations instead of ~8 per parameter tensor.
/// </summary>
internal sealed class FlatAdam : IFlatOptimizer
{
    private readonly FlatParameters _parameters;
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
        _parameters = new FlatParameters(parameters);
        var values = _parameters.Values;
        _firstMoment = zeros_like(values);
        _secondMoment = zeros_like(values);
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
        _one = 1.ToScalar();
    }

    public void ZeroGrad() => _parameters.ZeroGrad();

    /// <summary>One update; the temporaries it makes belong to the caller's dispose scope.</summary>
    public void Step()
    {
        _step++;
        using var noGrad = no_grad();
        var biasCorrection1 = 1 - Math.Pow(_beta1, _step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, _step);
        using var correction2 = Math.Sqrt(biasCorrection2).ToScalar();
        using var stepSize = (-_learningRate / biasCorrection1).ToScalar();
        var gradients = _parameters.Gradients;
        // lerp_ takes its weight as a tensor, which the caller's dispose scope keeps alive.
        _firstMoment.lerp_(gradients, 1 - _beta1);
        _secondMoment.mul_(_beta2Scalar).addcmul_(gradients, gradients, _oneMinusBeta2);
        var denominator = _secondMoment.sqrt().div_(correction2).add_(_epsilon, _one);
        _parameters.Values.addcdiv_(_firstMoment, denominator, stepSize);
        GC.KeepAlive(this);
    }

    public void Dispose()
    {
        _parameters.Dispose();
        _firstMoment.Dispose();
        _secondMoment.Dispose();
        _beta2Scalar.Dispose();
        _oneMinusBeta2.Dispose();
        _epsilon.Dispose();
        _one.Dispose();
    }
}
