using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using TorchSharp;
using TorchSharp.Modules;

namespace GanRsSandbox.Ml.Tests;

public sealed class WassersteinTests : IDisposable
{
    private static readonly GanrsOptions TinyWgan = GanrsOptions.Wasserstein with
    {
        PretrainEpochs = 2,
        Iterations = 120,
        EvaluateEvery = 40,
        EvaluationSamples = 2000,
        ReportEvery = 40,
        Seed = 3,
    };

    private static readonly SampleOptions Small = new() { Users = 40, Items = 30, Samples = 6000, Seed = 5, ChunkSize = 1000, ReferenceFits = 0 };

    private static readonly Lazy<GanrsModel> Trained = new(() => GanrsTrainer.Train(TestData.LowRank(30, 20, 0.6), TinyWgan));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ganrs-wgan-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_authors_settings_are_the_wasserstein_defaults()
    {
        var options = GanrsOptions.For(GanObjective.Wasserstein);
        Assert.Equal((GanObjective.Wasserstein, 5e-5, 64, 5, 0.01), (options.Objective, options.LearningRate, options.BatchSize, options.CriticSteps, options.WeightClip));
        Assert.Equal(new GanrsOptions(), GanrsOptions.For(GanObjective.Standard));
        Assert.Equal(GanObjective.Wasserstein, GanrsVariant.Wgan.Objective());
        Assert.All(Enum.GetValues<GanrsVariant>().Where(v => v != GanrsVariant.Wgan), v => Assert.Equal(GanObjective.Standard, v.Objective()));
        Assert.Throws<ArgumentOutOfRangeException>(() => (options with { WeightClip = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (options with { CriticSteps = GanrsOptions.MaxCriticSteps + 1 }).Validate());
    }

    [Fact]
    public void A_wasserstein_generator_is_sampled_by_the_wgan_variant_through_the_matched_pipeline()
    {
        var model = Trained.Value;
        Assert.Equal([40, 80, 120], model.Training.Checkpoints.Select(c => c.Iteration));
        Assert.All(model.Training.Losses, l => Assert.True(double.IsFinite(l.DiscriminatorLoss) && double.IsFinite(l.GeneratorLoss)));

        var result = SyntheticSampler.Sample(model, Small with { Variant = GanrsVariant.Wgan, Ratings = 300 });
        Assert.Equal(300, result.Dataset.Count);
        Assert.Equal(40, result.Dataset.Users.Distinct().Count());

        // The objective travels with the saved generator, so a reloaded one is still refused the other variants.
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "g.grsg");
        model.Save(path);
        var loaded = GanrsModel.Load(path);
        Assert.Equal(GanObjective.Wasserstein, loaded.Options.Objective);
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSampler.Sample(loaded, Small with { Variant = GanrsVariant.Matched }));
        Assert.Equal("variant", refused.ParamName);
        Assert.Contains("wgan variant", refused.Message);
    }

    [Fact]
    public void The_wgan_variant_refuses_a_generator_of_the_standard_game()
    {
        var (_, standard) = GanrsTests.Trained.Value;
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticSampler.Sample(standard, Small with { Variant = GanrsVariant.Wgan }));
        Assert.Equal("variant", refused.ParamName);
        Assert.Contains("standard objective", refused.Message);
    }

    [Fact]
    public void The_same_seed_trains_the_same_wasserstein_generator()
    {
        var source = TestData.LowRank(30, 20, 0.6);
        var options = TinyWgan with { Iterations = 40 };
        var a = GanrsTrainer.Train(source, options);
        var b = GanrsTrainer.Train(source, options);
        var standard = GanrsTrainer.Train(source, new GanrsOptions { PretrainEpochs = 2, Iterations = 40, EvaluateEvery = 40, EvaluationSamples = 2000, Seed = 3 });
        Assert.Equal(a.FinalGenerator, b.FinalGenerator);
        Assert.NotEqual(a.FinalGenerator, standard.FinalGenerator);
    }

    [Fact]
    public void Rmsprop_takes_the_keras_step_and_clips_every_weight()
    {
        using var scope = torch.NewDisposeScope();
        var weights = new Parameter(torch.tensor(new[] { 0.5f, -0.004f, 0.002f }));
        using var optimizer = new FlatRmsProp([weights], learningRate: 0.001, clip: 0.01);
        optimizer.ZeroGrad();
        // d/dw of Σ c·w is c.
        var gradient = new[] { 2f, -1f, 0.5f };
        weights.mul(torch.tensor(gradient)).sum().backward();
        optimizer.Step();

        var expected = new[] { 0.5f, -0.004f, 0.002f }.Select((w, i) =>
        {
            var meanSquare = 0.1 * gradient[i] * gradient[i];
            var stepped = w - 0.001 * gradient[i] / (Math.Sqrt(meanSquare) + 1e-7);
            return (float)Math.Clamp(stepped, -0.01, 0.01);
        }).ToArray();
        var actual = weights.data<float>().ToArray();
        Assert.Equal(0.01f, actual[0]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], actual[i], 6);
        }
    }
}
