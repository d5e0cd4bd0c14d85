using System.Diagnostics;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.SideInfo;
using GanRsSandbox.Ml.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Gan;

/// <summary>Trains GANRS on a source dataset: DeepMF pre-training, then the GAN over [user emb, item emb, scaled rating].</summary>
public static class GanrsTrainer
{
    /// <param name="condition">
    /// A categorical user attribute to condition on (CGANRS): its one-hot label joins the generator's noise and the
    /// discriminator's input, so that sampling can ask for any group's users. Null: the paper's unconditional GAN.
    /// </param>
    public static GanrsModel Train(RatingsDataset source, GanrsOptions? options = null, IProgress<GanrsProgress>? progress = null,
        CancellationToken cancellationToken = default, UserGrouping? condition = null)
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
            var rowGroups = condition is null ? null : Array.ConvertAll(source.Users, u => condition.GroupOfUser[u]);
            gan = TrainGan(real, width, rowGroups, condition?.Groups ?? 0, summary, options, progress, clock, cancellationToken);
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
            InteractionStd = InteractionStd(source, userEmbeddings, itemEmbeddings, options.Factors),
        };
        ganSeconds = ganClock.Elapsed.TotalSeconds; // including any wait for the reference training
        var training = new GanrsTrainingSummary(pretrainSeconds, ganSeconds, bestCheckpoint.Iteration, bestCheckpoint.HeldRatingTvd,
            checkpoints[^1].HeldRatingTvd, checkpoints, losses);
        return new GanrsModel(options, summary, userEmbeddings, itemEmbeddings, final, best, training)
        {
            Condition = condition is null ? null : Describe(source, condition),
        };
    }

    /// <summary>The source's figures per group that conditional sampling follows.</summary>
    internal static GeneratorCondition Describe(RatingsDataset source, UserGrouping grouping)
    {
        if (grouping.GroupOfUser.Length != source.UserCount)
        {
            throw new ArgumentException($"the grouping has {grouping.GroupOfUser.Length:N0} users, the source {source.UserCount:N0}", nameof(grouping));
        }
        var groups = grouping.Groups;
        var sizes = grouping.Sizes();
        var degrees = DatasetStats.Degrees(source.Users, source.UserCount);
        var volume = new double[groups];
        var classes = Enumerable.Range(0, groups).Select(_ => new double[source.Scale.Classes]).ToArray();
        for (var r = 0; r < source.Count; r++)
        {
            var g = grouping.GroupOfUser[source.Users[r]];
            volume[g]++;
            classes[g][source.Scale.ClassOf(source.Ratings[r])]++;
        }
        var ratingShares = classes.Select((counts, g) => counts.Select(c => volume[g] == 0 ? 0 : c / volume[g]).ToArray()).ToArray();
        var userDegrees = Enumerable.Range(0, groups)
            .Select(g => Enumerable.Range(0, source.UserCount).Where(u => grouping.GroupOfUser[u] == g).Select(u => degrees[u]).ToArray()).ToArray();
        return new GeneratorCondition(grouping.Attribute, grouping.Values,
            sizes.Select(n => (double)n / source.UserCount).ToArray(), volume.Select(v => v / source.Count).ToArray(), ratingShares, userDegrees);
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

    /// <summary>The standard deviation of the pre-trained dot products' interaction part over the source's ratings (<see cref="MemberOffsets.KeepInteraction"/>).</summary>
    private static double InteractionStd(RatingsDataset source, float[] users, float[] items, int k)
    {
        var dots = new double[source.Count];
        for (var r = 0; r < source.Count; r++)
        {
            for (var f = 0; f < k; f++)
            {
                dots[r] += users[source.Users[r] * k + f] * items[source.Items[r] * k + f];
            }
        }
        MemberOffsets.KeepInteraction(dots, source.Users, source.UserCount, source.Items, source.ItemCount);
        return MemberOffsets.Std(dots);
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
        var userDegrees = DatasetStats.Degrees(source.Users, source.UserCount);
        var itemDegrees = DatasetStats.Degrees(source.Items, source.ItemCount);
        var (userOffsets, itemOffsets) = MemberOffsets.Estimate(source, seed: 1);
        return new SourceSummary(source.Name, source.Scale, stats, scaledSum / source.Count, shares, userDegrees, itemDegrees)
        {
            UserOffsets = userOffsets,
            ItemOffsets = itemOffsets,
            ItemDegreeRatingSpearman = FidelityMetrics.DegreeRatingSpearman(source.Items, source.ItemCount, source.Ratings),
            UserDegreeRatingSpearman = FidelityMetrics.DegreeRatingSpearman(source.Users, source.UserCount, source.Ratings),
        };
    }

    /// <param name="rowGroups">The group of each real row's user (conditional GAN); null for the unconditional one.</param>
    private static (byte[] Final, byte[] Best, List<CheckpointScore> Checkpoints, List<LossPoint> Losses) TrainGan(
        float[] real, int width, int[]? rowGroups, int groups, SourceSummary source, GanrsOptions options, IProgress<GanrsProgress>? progress, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var wasserstein = options.Objective == GanObjective.Wasserstein;
        // A block's random draws in a few calls instead of a few per iteration; the Wasserstein game draws six
        // batches an iteration, so its blocks are shorter to keep the drawn noise small.
        var block = wasserstein ? 100 : 500;
        var criticSteps = wasserstein ? options.CriticSteps : 1;
        var device = TorchRuntime.ResolveDevice(options.Device);
        var count = real.Length / width;
        var batch = options.BatchSize;
        var checkpoints = new List<CheckpointScore>();
        var losses = new List<LossPoint>();
        byte[]? best = null;
        var bestScore = double.PositiveInfinity;

        using var random = SeededRandom.Generator(options.Seed);
        using var generator = SeededRandom.Build(options.Seed, () => new GanGenerator(options.NoiseSize + groups, options.GeneratorHidden1, options.GeneratorHidden2, width, random));
        using var discriminator = SeededRandom.Build(options.Seed + 1, () => new GanDiscriminator(width + groups, options.DiscriminatorHidden));
        // The conditional GAN's labels come from their own generator, so the unconditional draws stay what they were.
        using var labelRandom = SeededRandom.Generator(options.Seed + 2);
        using var labels = rowGroups is null ? null : new ConditionLabels(rowGroups, groups, device, labelRandom);
        generator.to(device);
        discriminator.to(device);
        using var optimizers = new GameOptimizers(generator, discriminator, options);
        using var realRows = tensor(real, [count, width], device: device);
        using var realTensor = labels is null ? realRows.alias() : torch.cat([realRows, labels.OfRows], 1);
        using var ones = torch.ones(batch, 1, device: device);
        using var zeros = torch.zeros(batch, 1, device: device);
        // The same held noise scores every checkpoint, so scores differ only by the generator.
        using var heldUnitNoise = torch.randn([options.EvaluationSamples, options.NoiseSize], generator: random).to(device);
        using var evaluationStd = options.EvaluationNoiseStd.ToScalar();
        using var heldScaledNoise = heldUnitNoise.mul(evaluationStd);
        using var heldLabels = labels?.Draw([options.EvaluationSamples]);
        using var heldNoise = labels is null ? heldScaledNoise.alias() : torch.cat([heldScaledNoise, heldLabels!], 1);
        using var heldUnitInput = labels is null ? heldUnitNoise.alias() : torch.cat([heldUnitNoise, heldLabels!], 1);
        var (realMeans, realStds) = ColumnMoments(real, width);
        generator.train();
        discriminator.train();

        double dLossSum = 0, gLossSum = 0;
        var lossCount = 0;
        for (var blockStart = 0; blockStart < options.Iterations; blockStart += block)
        {
            var blockLength = Math.Min(block, options.Iterations - blockStart);
            using var blockScope = NewDisposeScope();
            var indices = wasserstein
                ? torch.randint(0, count, [blockLength, criticSteps, batch], dtype: ScalarType.Int64, generator: random).to(device)
                : torch.randint(0, count, [blockLength, batch], dtype: ScalarType.Int64, generator: random).to(device);
            var noise = torch.randn([blockLength, criticSteps + 1, batch, options.NoiseSize], generator: random).to(device);
            var fakeLabels = labels?.Draw([blockLength, criticSteps + 1, batch]);
            for (var b = 0; b < blockLength; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var stepScope = NewDisposeScope();
                var iteration = blockStart + b + 1;
                Tensor Input(int pass) => fakeLabels is null ? noise[b, pass] : torch.cat([noise[b, pass], fakeLabels[b, pass]], 1);
                Tensor Judged(Tensor sample, int pass) => fakeLabels is null ? sample : torch.cat([sample, fakeLabels[b, pass]], 1);

                // The discriminator's loss as reported: the mean of the two where the standard game has two.
                Tensor discriminatorLoss, generatorLoss;
                Tensor? secondDiscriminatorLoss = null;
                if (wasserstein)
                {
                    // The critic maximises its Wasserstein estimate E[D(real)] − E[D(fake)]; the generator raises E[D(fake)].
                    discriminatorLoss = null!;
                    for (var step = 0; step < criticSteps; step++)
                    {
                        Tensor fake;
                        using (no_grad())
                        {
                            fake = Judged(generator.call(Input(step)), step);
                        }
                        optimizers.Discriminator.ZeroGrad();
                        discriminatorLoss = discriminator.call(fake).mean().sub(discriminator.call(realTensor.index_select(0, indices[b, step])).mean());
                        discriminatorLoss.backward();
                        optimizers.Discriminator.Step();
                    }
                    optimizers.Generator.ZeroGrad();
                    generatorLoss = discriminator.call(Judged(generator.call(Input(criticSteps)), criticSteps)).mean().neg();
                    generatorLoss.backward();
                    optimizers.Generator.Step();
                }
                else
                {
                    var realBatch = realTensor.index_select(0, indices[b]);
                    var fake = Judged(generator.call(Input(0)).detach(), 0);

                    optimizers.Discriminator.ZeroGrad();
                    var realLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.call(realBatch), ones);
                    realLoss.backward();
                    optimizers.Discriminator.Step();

                    optimizers.Discriminator.ZeroGrad();
                    var fakeLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.call(fake), zeros);
                    fakeLoss.backward();
                    optimizers.Discriminator.Step();
                    (discriminatorLoss, secondDiscriminatorLoss) = (realLoss, fakeLoss);

                    optimizers.Generator.ZeroGrad();
                    generatorLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.call(Judged(generator.call(Input(1)), 1)), ones);
                    generatorLoss.backward();
                    optimizers.Generator.Step();
                }

                if (iteration % options.ReportEvery == 0 || iteration % options.EvaluateEvery == 0 || iteration == options.Iterations)
                {
                    dLossSum += secondDiscriminatorLoss is null
                        ? discriminatorLoss.item<float>()
                        : 0.5 * (discriminatorLoss.item<float>() + secondDiscriminatorLoss.item<float>());
                    gLossSum += generatorLoss.item<float>();
                    lossCount++;
                }
                double? heldTvd = null;
                if (iteration % options.EvaluateEvery == 0 || iteration == options.Iterations)
                {
                    var checkpoint = Score(generator, iteration, heldNoise, heldUnitInput, source, width, realMeans, realStds);
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

/// <summary>The conditional GAN's one-hot group labels: the real rows' own, and draws with the real rows' frequencies.</summary>
file sealed class ConditionLabels : IDisposable
{
    private readonly Tensor _groups;
    private readonly int _count;
    private readonly Device _device;
    private readonly torch.Generator _random;

    public ConditionLabels(int[] rowGroups, int groups, Device device, torch.Generator random)
    {
        _count = rowGroups.Length;
        _device = device;
        _random = random;
        Groups = groups;
        _groups = torch.tensor(Array.ConvertAll(rowGroups, g => (long)g));
        using var oneHot = nn.functional.one_hot(_groups, groups);
        OfRows = oneHot.to(ScalarType.Float32).to(device);
    }

    public int Groups { get; }

    /// <summary>One row per real sample, in the real rows' order.</summary>
    public Tensor OfRows { get; }

    /// <summary>Labels of real rows drawn at random (so each group comes up as often as its ratings), one-hot in the last dimension.</summary>
    public Tensor Draw(long[] shape)
    {
        using var scope = NewDisposeScope();
        var rows = torch.randint(0, _count, shape, dtype: ScalarType.Int64, generator: _random);
        var drawn = _groups.index_select(0, rows.flatten()).reshape(shape);
        return nn.functional.one_hot(drawn, Groups).to(ScalarType.Float32).to(_device).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _groups.Dispose();
        OfRows.Dispose();
    }
}

/// <summary>The two networks' optimisers for the objective: Adam for the paper's game, RMSprop with a clipped critic for the Wasserstein one.</summary>
file sealed class GameOptimizers : IDisposable
{
    public GameOptimizers(GanGenerator generator, GanDiscriminator discriminator, GanrsOptions options)
    {
        if (options.Objective == GanObjective.Wasserstein)
        {
            Generator = new FlatRmsProp(generator.parameters(), options.LearningRate);
            Discriminator = new FlatRmsProp(discriminator.parameters(), options.LearningRate, clip: options.WeightClip);
        }
        else
        {
            Generator = new FlatAdam(generator.parameters(), options.LearningRate, options.Beta1);
            Discriminator = new FlatAdam(discriminator.parameters(), options.LearningRate, options.Beta1);
        }
    }

    public IFlatOptimizer Generator { get; }

    public IFlatOptimizer Discriminator { get; }

    public void Dispose()
    {
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
