using System.Diagnostics;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Gan;

/// <summary>Trains GANRS on a source dataset: DeepMF pre-training, then the GAN over [user emb, item emb, scaled rating].</summary>
public static class GanrsTrainer
{
    public static GanrsModel Train(RatingsDataset source, GanrsOptions? options = null, IProgress<GanrsProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new GanrsOptions();
        options.Validate();
        if (source.Scale.IsUnary)
        {
            throw new ArgumentException(ImplicitFeedback.GeneratorRefusal);
        }
        var clock = Stopwatch.StartNew();

        // 1. DeepMF on all source ratings gives the latent space the GAN learns to imitate.
        var deepMfOptions = new BaselineOptions
        {
            Factors = options.Factors,
            Epochs = options.PretrainEpochs,
            BatchSize = options.PretrainBatchSize,
            LearningRate = options.PretrainLearningRate,
            Seed = options.Seed,
            Device = options.Device,
        };
        float[] userEmbeddings, itemEmbeddings;
        using (var deepMf = BaselineModel.Create(BaselineKind.DeepMf, source, deepMfOptions))
        {
            var pretrainProgress = progress is null ? null : new ProgressRelay<TrainingProgress>(p =>
                progress.Report(new GanrsProgress("pretrain", p.Step, p.Steps, null, null, null, clock.Elapsed)));
            deepMf.Train(source, Enumerable.Range(0, source.Count).ToArray(), pretrainProgress, cancellationToken);
            (userEmbeddings, itemEmbeddings) = deepMf.Embeddings();
        }
        var pretrainSeconds = clock.Elapsed.TotalSeconds;

        var summary = Summarize(source);
        var codec = new RatingCodec(source.Scale);
        var width = 2 * options.Factors + 1;
        var real = new float[source.Count * width];
        for (var i = 0; i < source.Count; i++)
        {
            var row = real.AsSpan(i * width, width);
            userEmbeddings.AsSpan(source.Users[i] * options.Factors, options.Factors).CopyTo(row);
            itemEmbeddings.AsSpan(source.Items[i] * options.Factors, options.Factors).CopyTo(row[options.Factors..]);
            row[^1] = codec.Encode(source.Ratings[i]);
        }

        // The source's reference model trains beside the GAN: both run at batch 32 on one core each. Everything random in
        // either draws from its own seeded generator, so neither changes the other's result.
        using var referenceCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reference = Task.Run(() => ReferenceModel.Train(source, ReferenceOptions(options), referenceCancel.Token), referenceCancel.Token);
        var ganClock = Stopwatch.StartNew();
        (byte[] Final, byte[] Best, List<CheckpointScore> Checkpoints, List<LossPoint> Losses) gan;
        try
        {
            gan = TrainGan(real, width, summary, options, progress, clock, cancellationToken);
        }
        catch
        {
            referenceCancel.Cancel();
            try
            {
                reference.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The GAN's own failure is the one to report.
            }
            throw;
        }
        var (final, best, checkpoints, losses) = gan;
        var ganSeconds = ganClock.Elapsed.TotalSeconds;
        var bestCheckpoint = checkpoints.MinBy(c => c.HeldRatingTvd)!;
        var (predictions, residuals) = ResidualShapes(source, userEmbeddings, itemEmbeddings, options.Factors);
        summary = summary with
        {
            ReferenceRmse = reference.GetAwaiter().GetResult(),
            PredictionQuantiles = predictions,
            ResidualQuantiles = residuals,
        };
        ganSeconds = ganClock.Elapsed.TotalSeconds; // including any wait for the reference training
        var training = new GanrsTrainingSummary(pretrainSeconds, ganSeconds, bestCheckpoint.Iteration, bestCheckpoint.HeldRatingTvd,
            checkpoints[^1].HeldRatingTvd, checkpoints, losses);
        return new GanrsModel(options, summary, userEmbeddings, itemEmbeddings, final, best, training);
    }

    /// <summary>The reference model that measures difficulty on the source and on every set sampled from this generator.</summary>
    internal static ReferenceModelOptions ReferenceOptions(GanrsOptions options) => new()
    {
        Factors = options.Factors,
        Epochs = options.PretrainEpochs,
        BatchSize = options.PretrainBatchSize,
        Seed = options.Seed,
        Device = options.Device,
    };

    /// <summary>Quantiles of the pre-trained DeepMF's predictions on every source rating, and of the residuals.</summary>
    private static (double[] Predictions, double[] Residuals) ResidualShapes(RatingsDataset source, float[] users, float[] items, int k)
    {
        var predictions = new double[source.Count];
        var residuals = new double[source.Count];
        for (var r = 0; r < source.Count; r++)
        {
            double dot = 0;
            for (var f = 0; f < k; f++)
            {
                dot += users[source.Users[r] * k + f] * items[source.Items[r] * k + f];
            }
            predictions[r] = dot;
            residuals[r] = source.Ratings[r] - dot;
        }
        return (EmpiricalDistribution.Quantiles(predictions), EmpiricalDistribution.Quantiles(residuals));
    }

    internal static SourceSummary Summarize(RatingsDataset source)
    {
        var stats = DatasetStats.Compute(source);
        var codec = new RatingCodec(source.Scale);
        var shares = new double[source.Scale.Classes];
        double scaledSum = 0;
        foreach (var rating in source.Ratings)
        {
            shares[source.Scale.ClassOf(rating)]++;
            scaledSum += codec.Encode(rating);
        }
        for (var c = 0; c < shares.Length; c++)
        {
            shares[c] /= source.Count;
        }
        return new SourceSummary(source.Name, source.Scale, stats, scaledSum / source.Count, shares,
            DatasetStats.Degrees(source.Users, source.UserCount), DatasetStats.Degrees(source.Items, source.ItemCount));
    }

    private static (byte[] Final, byte[] Best, List<CheckpointScore> Checkpoints, List<LossPoint> Losses) TrainGan(
        float[] real, int width, SourceSummary source, GanrsOptions options, IProgress<GanrsProgress>? progress, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        const int Block = 500;
        var device = TorchRuntime.ResolveDevice(options.Device);
        var count = real.Length / width;
        var batch = options.BatchSize;
        var checkpoints = new List<CheckpointScore>();
        var losses = new List<LossPoint>();
        byte[]? best = null;
        var bestScore = double.PositiveInfinity;

        using var random = SeededRandom.Generator(options.Seed);
        using var generator = SeededRandom.Build(options.Seed, () => new GanGenerator(options.NoiseSize, options.GeneratorHidden1, options.GeneratorHidden2, width, random));
        using var discriminator = SeededRandom.Build(options.Seed + 1, () => new GanDiscriminator(width, options.DiscriminatorHidden));
        generator.to(device);
        discriminator.to(device);
        using var generatorOptimizer = new FlatAdam(generator.parameters(), options.LearningRate, options.Beta1);
        using var discriminatorOptimizer = new FlatAdam(discriminator.parameters(), options.LearningRate, options.Beta1);
        using var realTensor = tensor(real, [count, width], device: device);
        using var ones = torch.ones(batch, 1, device: device);
        using var zeros = torch.zeros(batch, 1, device: device);
        // The same held noise scores every checkpoint, so scores differ only by the generator.
        using var heldUnitNoise = torch.randn([options.EvaluationSamples, options.NoiseSize], generator: random).to(device);
        using var evaluationStd = options.EvaluationNoiseStd.ToScalar();
        using var heldNoise = heldUnitNoise.mul(evaluationStd);
        var (realMeans, realStds) = ColumnMoments(real, width);
        generator.train();
        discriminator.train();

        double dLossSum = 0, gLossSum = 0;
        var lossCount = 0;
        for (var blockStart = 0; blockStart < options.Iterations; blockStart += Block)
        {
            var blockLength = Math.Min(Block, options.Iterations - blockStart);
            using var blockScope = NewDisposeScope();
            // A block's random draws in three calls instead of three per iteration.
            var indices = torch.randint(0, count, [blockLength, batch], dtype: ScalarType.Int64, generator: random).to(device);
            var noise = torch.randn([blockLength, 2, batch, options.NoiseSize], generator: random).to(device);
            for (var b = 0; b < blockLength; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var stepScope = NewDisposeScope();
                var iteration = blockStart + b + 1;
                var realBatch = realTensor.index_select(0, indices[b]);
                var fake = generator.call(noise[b, 0]).detach();

                discriminatorOptimizer.ZeroGrad();
                var realLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.call(realBatch), ones);
                realLoss.backward();
                discriminatorOptimizer.Step();

                discriminatorOptimizer.ZeroGrad();
                var fakeLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.call(fake), zeros);
                fakeLoss.backward();
                discriminatorOptimizer.Step();

                generatorOptimizer.ZeroGrad();
                var generatorLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.call(generator.call(noise[b, 1])), ones);
                generatorLoss.backward();
                generatorOptimizer.Step();

                if (iteration % options.ReportEvery == 0 || iteration % options.EvaluateEvery == 0 || iteration == options.Iterations)
                {
                    dLossSum += 0.5 * (realLoss.item<float>() + fakeLoss.item<float>());
                    gLossSum += generatorLoss.item<float>();
                    lossCount++;
                }
                double? heldTvd = null;
                if (iteration % options.EvaluateEvery == 0 || iteration == options.Iterations)
                {
                    var checkpoint = Score(generator, iteration, heldNoise, heldUnitNoise, source, width, realMeans, realStds);
                    heldTvd = checkpoint.HeldRatingTvd;
                    checkpoints.Add(checkpoint);
                    if (checkpoint.HeldRatingTvd < bestScore)
                    {
                        bestScore = checkpoint.HeldRatingTvd;
                        best = Snapshot(generator);
                    }
                }
                if (iteration % options.ReportEvery == 0 || iteration == options.Iterations)
                {
                    var point = new LossPoint(iteration, dLossSum / lossCount, gLossSum / lossCount);
                    losses.Add(point);
                    dLossSum = gLossSum = 0;
                    lossCount = 0;
                    progress?.Report(new GanrsProgress("gan", iteration, options.Iterations, point.DiscriminatorLoss, point.GeneratorLoss, heldTvd, clock.Elapsed));
                }
            }
        }
        return (Snapshot(generator), best!, checkpoints, losses);
    }

    /// <summary>Scores the generator on the held noise: rating TVD under the paper's decoding, and the moment gap.</summary>
    private static CheckpointScore Score(GanGenerator generator, int iteration, Tensor heldNoise, Tensor heldUnitNoise, SourceSummary source,
        int width, double[] realMeans, double[] realStds)
    {
        generator.eval();
        float[] atSampling, atTraining;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            atSampling = generator.call(heldNoise).select(1, width - 1).contiguous().cpu().data<float>().ToArray();
            atTraining = generator.call(heldUnitNoise).cpu().data<float>().ToArray();
        }
        generator.train();
        var counts = SyntheticSampler.MeanMatchedClassCounts(atSampling, source);
        var tvd = FidelityMetrics.Tvd(source.RatingShares, counts.Select(c => (double)c / atSampling.Length).ToArray());
        var (means, stds) = ColumnMoments(atTraining, width);
        double gap = 0;
        for (var c = 0; c < width; c++)
        {
            gap += Math.Abs(means[c] - realMeans[c]) / realStds[c] + Math.Abs(Math.Log(Math.Max(stds[c], 1e-12) / realStds[c]));
        }
        return new CheckpointScore(iteration, tvd, gap / width);
    }

    private static (double[] Means, double[] Stds) ColumnMoments(float[] rows, int width)
    {
        var count = rows.Length / width;
        var means = new double[width];
        var squares = new double[width];
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < width; c++)
            {
                double v = rows[i * width + c];
                means[c] += v;
                squares[c] += v * v;
            }
        }
        var stds = new double[width];
        for (var c = 0; c < width; c++)
        {
            means[c] /= count;
            stds[c] = Math.Sqrt(Math.Max(squares[c] / count - means[c] * means[c], 1e-24));
        }
        return (means, stds);
    }

    internal static byte[] Snapshot(nn.Module module)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            module.save(writer);
        }
        return stream.ToArray();
    }
}
