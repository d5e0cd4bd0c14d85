using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Models;

/// <summary>
/// RMSprop as Keras defines it (the authors' WGANRS: ρ 0.9, ε 1e-7 added outside the root, no momentum) over one flat
/// buffer (<see cref="FlatParameters"/>), with the Wasserstein critic's weight clipping after each update as one operation.
/// </summary>
internal sealed class FlatRmsProp : IFlatOptimizer
{
    private readonly FlatParameters _parameters;
    private readonly Tensor _meanSquare;

    // Held for the optimiser's life: an implicit Scalar can be finalised mid-call (see FlatAdam).
    private readonly Scalar _rho;
    private readonly Scalar _oneMinusRho;
    private readonly Scalar _epsilon;
    private readonly Scalar _one;
    private readonly Scalar _stepSize;
    private readonly Scalar? _lowerBound;
    private readonly Scalar? _upperBound;

    /// <param name="clip">Where given, every weight is clipped to [−clip, clip] after each update.</param>
    public FlatRmsProp(IEnumerable<Parameter> parameters, double learningRate, double? clip = null, double rho = 0.9, double epsilon = 1e-7)
    {
        if (clip is { } bound)
        {
            _lowerBound = (-bound).ToScalar();
            _upperBound = bound.ToScalar();
        }
        _parameters = new FlatParameters(parameters);
        _meanSquare = zeros_like(_parameters.Values);
        _rho = rho.ToScalar();
        _oneMinusRho = (1 - rho).ToScalar();
        _epsilon = epsilon.ToScalar();
        _one = 1.ToScalar();
        _stepSize = (-learningRate).ToScalar();
    }

    public void ZeroGrad() => _parameters.ZeroGrad();

    /// <summary>One update; the temporaries it makes belong to the caller's dispose scope.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        var gradients = _parameters.Gradients;
        _meanSquare.mul_(_rho).addcmul_(gradients, gradients, _oneMinusRho);
        var denominator = _meanSquare.sqrt().add_(_epsilon, _one);
        _parameters.Values.addcdiv_(gradients, denominator, _stepSize);
        if (_lowerBound is not null)
        {
            _parameters.Values.clamp_(_lowerBound, _upperBound!);
        }
        GC.KeepAlive(this);
    }

    public void Dispose()
    {
        _parameters.Dispose();
        _meanSquare.Dispose();
        _rho.Dispose();
        _oneMinusRho.Dispose();
        _epsilon.Dispose();
        _one.Dispose();
        _stepSize.Dispose();
        _lowerBound?.Dispose();
        _upperBound?.Dispose();
    }
}
