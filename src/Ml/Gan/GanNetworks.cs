using GanRsSandbox.Ml.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// GANRS's generator: noise → Dense(10) → LeakyReLU(.2) → BatchNorm(Keras momentum .8) → Dense(20) → LeakyReLU(.2)
/// → Dropout(.2) → Dense(2K+1), linear.
/// </summary>
internal sealed class GanGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    public GanGenerator(int noise, int hidden1, int hidden2, int output, torch.Generator random) : base(nameof(GanGenerator))
    {
        // Keras's BatchNormalization(momentum=0.8) keeps 0.8 of the running statistics: PyTorch's momentum 0.2.
        _layers = Sequential(
            Linear(noise, hidden1), LeakyReLU(0.2), BatchNorm1d(hidden1, momentum: 0.2),
            Linear(hidden1, hidden2), LeakyReLU(0.2), new SeededDropout(0.2, random),
            Linear(hidden2, output));
        RegisterComponents();
    }

    public override Tensor forward(Tensor noise) => _layers.call(noise);
}

/// <summary>GANRS's discriminator: Dense(4) → LeakyReLU(.2) → Dense(1); the sigmoid lives in the loss.</summary>
internal sealed class GanDiscriminator : Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    public GanDiscriminator(int input, int hidden) : base(nameof(GanDiscriminator))
    {
        _layers = Sequential(Linear(input, hidden), LeakyReLU(0.2), Linear(hidden, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor sample) => _layers.call(sample);
}
