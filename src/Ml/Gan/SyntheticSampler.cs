using System.Diagnostics;
using GanRsSandbox.Ml.Clustering;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Gan;

public sealed record SampleOptions
{
    /// <summary>The most samples one dataset may ask for (documented in README): 100 million.</summary>
    public const long MaxSamples = 100_000_000;

    /// <summary>The most ratings one dataset may ask for (documented in README): 25 million, an ML-25M.</summary>
    public const long MaxRatings = 25_000_000;

    /// <summary>The most reference-model trainings the difficulty search may take.</summary>
    public const int MaxReferenceFits = 5;

    public const int MaxUsers = 1_000_000;

    public const int MaxItems = 1_000_000;

    public const int MaxKMeansIterations = 10_000;

    public int Users { get; init; } = 2000;

    public int Items { get; init; } = 4000;

    public long Samples { get; init; } = 800_000;

    /// <summary>
    /// The exact number of distinct ratings to make (±0.5%; matched variant only). Null: the number that
    /// <see cref="Samples"/> draws give once repeated pairs collapse, under the source's degree shapes.
    /// </summary>
    public long? Ratings { get; init; }

    /// <summary>Reference-model trainings the matched variant's difficulty search may take (0: the closed-form first guess only, no reference RMSE).</summary>
    public int ReferenceFits { get; init; } = 3;

    /// <summary>The standard deviation of the sampling noise: the paper's "Gaussian standard deviation".</summary>
    public double NoiseStd { get; init; } = 2.5;

    public int Seed { get; init; } = 1;

    public GanrsVariant Variant { get; init; } = GanrsVariants.Default;

    public int ChunkSize { get; init; } = 100_000;

    /// <summary>k-means fits on at most this many samples; the rest are assigned to the fitted centres as they stream.</summary>
    public int ClusterFitLimit { get; init; } = 4_000_000;

    public int KMeansIterations { get; init; } = 100;

    public string Device { get; init; } = "cpu";

    /// <summary>Checks the request; the messages name the parameter as the CLI and API spell it.</summary>
    public void Validate()
    {
        if (Users is <= 0 or > MaxUsers)
        {
            throw new ArgumentOutOfRangeException("users", Users, $"must be between 1 and {MaxUsers:N0}");
        }
        if (Items is <= 0 or > MaxItems)
        {
            throw new ArgumentOutOfRangeException("items", Items, $"must be between 1 and {MaxItems:N0}");
        }
        if ((long)Users * Items > uint.MaxValue)
        {
            // A (user,item) pair is sorted as a 32-bit number next to a 32-bit random draw.
            throw new ArgumentOutOfRangeException("users", Users, $"users × items must be at most {uint.MaxValue:N0}");
        }
        if (Samples < Users || Samples < Items)
        {
            throw new ArgumentOutOfRangeException("samples", Samples, $"must be at least the number of users ({Users}) and of items ({Items}), so that every cluster can have a member");
        }
        if (Samples > MaxSamples)
        {
            throw new ArgumentOutOfRangeException("samples", Samples, $"must be at most {MaxSamples:N0}");
        }
        if (!(NoiseStd > 0) || !double.IsFinite(NoiseStd))
        {
            throw new ArgumentOutOfRangeException("noise-std", NoiseStd, "must be a positive number");
        }
        if (Ratings is { } ratings)
        {
            if (Variant != GanrsVariant.Matched)
            {
                throw new ArgumentOutOfRangeException("ratings", ratings, $"an exact size needs the matched variant, not {Variant.Name()}");
            }
            var low = Math.Max(Users, Items);
            var high = Math.Min((long)Users * Items / 2, MaxRatings);
            if (ratings < low || ratings > high)
            {
                throw new ArgumentOutOfRangeException("ratings", ratings,
                    $"must lie between max(users, items) = {low:N0} and min(users × items / 2, {MaxRatings:N0}) = {high:N0}");
            }
        }
        if (ReferenceFits is < 0 or > MaxReferenceFits)
        {
            throw new ArgumentOutOfRangeException("reference-fits", ReferenceFits, $"must be between 0 and {MaxReferenceFits}");
        }
        if (KMeansIterations is < 1 or > MaxKMeansIterations)
        {
            throw new ArgumentOutOfRangeException("kmeans-iterations", KMeansIterations, $"must be between 1 and {MaxKMeansIterations:N0}");
        }
        if (ChunkSize < 1 || ClusterFitLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunkSize), "chunk size, fit limit and iterations must be positive");
        }
    }
}

public sealed record SyntheticProgress(string Stage, double Fraction, string Message);

public sealed record SampleTimings(double Sample, double Cluster, double Total);

/// <summary>How the matched variant built who-rates-what: the size asked for, and how many pairs the GAN's own samples chose.</summary>
public sealed record StructureReport(long RequestedRatings, int PairsFromSamples, int FilledPairs, int Swaps);

/// <param name="RawRatingTvd">The delivered ratings' TVD before the rank calibration, under the paper's decoding.</param>
public sealed record SyntheticResult(
    RatingsDataset Dataset,
    GanrsVariant Variant,
    long Samples,
    long CollapsedSamples,
    double RawRatingTvd,
    int UserKMeansIterations,
    int ItemKMeansIterations,
    SampleTimings Seconds,
    DcrReport Dcr)
{
    /// <summary>The GAN samples' own rating TVD under the paper's decoding (the same figure as <see cref="RawRatingTvd"/> except in the matched variant).</summary>
    public double GanRatingTvd { get; init; } = RawRatingTvd;

    /// <summary>The reference model's RMSE on source and synthetic; null when no reference training was asked for.</summary>
    public DifficultyReport? Difficulty { get; init; }

    public StructureReport? Structure { get; init; }
}

/// <summary>Draws a synthetic dataset from a trained GANRS (paper steps 4-7), in chunks.</summary>
public static class SyntheticSampler
{
    private const int MatchedSamplesPerCluster = 50;

    public static SyntheticResult Sample(GanrsModel model, SampleOptions options, IProgress<SyntheticProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var total = Stopwatch.StartNew();
        var k = model.Options.Factors;
        var width = model.SampleWidth;
        var source = model.Source;
        var fitCount = (int)Math.Min(options.Samples, options.ClusterFitLimit);
        if (options.Variant == GanrsVariant.Matched)
        {
            // The matched variant takes only the centres and a first share of the pairs from the samples (the size
            // comes from the degree targets): 50 samples a cluster place the centres as well as 200 do, in a quarter of the time.
            fitCount = (int)Math.Min(fitCount, MatchedSamplesPerCluster * (long)Math.Max(options.Users, options.Items));
        }

        using var generator = LoadGenerator(model, options);
        var chunks = new ChunkSource(generator, model.Options.NoiseSize, options);

        // Step 4: the samples that k-means fits on are kept; any beyond are regenerated from their chunk seed later.
        var userPoints = new float[(long)fitCount * k];
        var itemPoints = new float[(long)fitCount * k];
        var ratings = new float[fitCount];
        var clock = Stopwatch.StartNew();
        var fitChunks = (int)((fitCount + options.ChunkSize - 1) / options.ChunkSize);
        var generated = 0L;
        // Chunks are independent (each has its own seed), so they are drawn on all cores at once; each draw
        // then runs single-threaded inside libtorch instead of handing tiny pieces between threads.
        var threads = torch.get_num_threads();
        torch.set_num_threads(1);
        try
        {
            Parallel.For(0, fitChunks, new ParallelOptions { CancellationToken = cancellationToken }, chunkIndex =>
            {
                var start = (long)chunkIndex * options.ChunkSize;
                var chunk = chunks.Generate(chunkIndex, (int)Math.Min(options.ChunkSize, fitCount - start));
                Split(chunk, k, width, userPoints.AsSpan((int)(start * k)), itemPoints.AsSpan((int)(start * k)), ratings.AsSpan((int)start));
                var done = Interlocked.Add(ref generated, chunk.Length / width);
                progress?.Report(new SyntheticProgress("sample", (double)done / options.Samples, $"{done:N0} samples"));
            });
        }
        finally
        {
            torch.set_num_threads(threads);
        }
        // The GAN's own rating fidelity: these samples under the paper's decoding, before any calibration.
        var meanMatched = MeanMatchedClassCounts(ratings, source);
        var rawTvd = FidelityMetrics.Tvd(source.RatingShares, meanMatched.Select(c => (double)c / ratings.Length).ToArray());
        var sampleSeconds = clock.Elapsed.TotalSeconds;

        // Step 6: users and items are clusters of the user and item parts.
        clock.Restart();
        var kmeansOptions = new KMeansOptions { MaxIterations = options.KMeansIterations, Seed = options.Seed };
        var userClusters = Cluster(userPoints, k, options.Users, kmeansOptions, source.UserDegrees, options.Variant,
            Lloyd(progress, "cluster users", fitCount, options.Users), cancellationToken);
        var itemClusters = Cluster(itemPoints, k, options.Items, kmeansOptions with { Seed = options.Seed + 1 }, source.ItemDegrees, options.Variant,
            Lloyd(progress, "cluster items", fitCount, options.Items), cancellationToken);
        var clusterSeconds = clock.Elapsed.TotalSeconds;
        if (options.Variant == GanrsVariant.Matched)
        {
            return SampleMatched(model, options, userClusters, itemClusters, rawTvd, sampleSeconds, clusterSeconds, total, progress, cancellationToken);
        }

        // Step 7: one (user,item,rating) per sample, then one rating per pair.
        var keys = new ulong[options.Samples];
        var scaledRatings = new float[options.Samples];
        var tieBreak = new Random(options.Seed);
        void Emit(long index, int user, int item, float scaledRating)
        {
            var pair = (ulong)user * (ulong)options.Items + (ulong)item;
            keys[index] = (pair << 32) | (uint)tieBreak.Next();
            scaledRatings[index] = scaledRating;
        }
        for (var i = 0; i < fitCount; i++)
        {
            Emit(i, userClusters.Labels[i], itemClusters.Labels[i], ratings[i]);
        }
        clock.Restart();
        for (long start = fitCount; start < options.Samples; start += options.ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = (int)Math.Min(options.ChunkSize, options.Samples - start);
            var chunk = chunks.Generate(start / options.ChunkSize, length);
            var userPart = new float[length * k];
            var itemPart = new float[length * k];
            var ratingPart = new float[length];
            Split(chunk, k, width, userPart, itemPart, ratingPart);
            var users = userClusters.Assign(userPart);
            var items = itemClusters.Assign(itemPart);
            for (var i = 0; i < length; i++)
            {
                Emit(start + i, users[i], items[i], ratingPart[i]);
            }
            progress?.Report(new SyntheticProgress("assign", (double)(start + length) / options.Samples, $"{start + length:N0} samples"));
        }
        clusterSeconds += clock.Elapsed.TotalSeconds;

        // Sorting by (pair, random draw) puts a random sample first among each pair's repeats: that one is kept.
        Array.Sort(keys, scaledRatings);
        var kept = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] >> 32 != keys[i - 1] >> 32)
            {
                kept.Add(i);
            }
        }
        // Step 5. The paper scales by the mean of all generated samples. The stable variants calibrate the ratings
        // that survive de-duplication, because which samples collapse depends on the rating (the collapsed
        // pairs' ratings are not a random subset), so a calibration before it would drift.
        var keptRatings = kept.Select(i => scaledRatings[i]).ToArray();
        var decoder = options.Variant == GanrsVariant.Ganrs
            ? RatingDecoder.MeanMatched(scaledRatings, source)
            : RatingDecoder.Quantile(keptRatings, source);
        var outUsers = new int[kept.Count];
        var outItems = new int[kept.Count];
        var outRatings = new float[kept.Count];
        for (var j = 0; j < kept.Count; j++)
        {
            var pair = keys[kept[j]] >> 32;
            outUsers[j] = (int)(pair / (ulong)options.Items);
            outItems[j] = (int)(pair % (ulong)options.Items);
            outRatings[j] = decoder.ClassOf(keptRatings[j]) + source.Scale.Min;
        }
        var name = $"{source.Name}-ganrs-{options.Variant.Name()}-u{options.Users}-i{options.Items}-s{options.Samples}-seed{options.Seed}";
        var dataset = RatingsDataset.FromIndices(name, outUsers, outItems, outRatings, options.Users, options.Items, source.Scale);
        var dcr = FidelityMetrics.Dcr("embedding", model.UserEmbeddings, userClusters.Centers, k);
        DifficultyReport? difficulty = null;
        if (options.ReferenceFits > 0)
        {
            progress?.Report(new SyntheticProgress("reference", 0, "training the reference model on the synthetic set"));
            var (target, estimated) = ReferenceTarget(source);
            difficulty = new DifficultyReport(target, ReferenceModel.Rmse(dataset, GanrsTrainer.ReferenceOptions(model.Options) with { Device = options.Device }, cancellationToken),
                0, 1, estimated);
        }
        return new SyntheticResult(dataset, options.Variant, options.Samples, options.Samples - kept.Count, rawTvd,
            userClusters.Iterations, itemClusters.Iterations, new SampleTimings(sampleSeconds, clusterSeconds, total.Elapsed.TotalSeconds), dcr)
        {
            Difficulty = difficulty,
        };
    }

    /// <summary>
    /// The matched variant's step 7. The size is fixed first, then who rates what (<see cref="DegreeTargets"/>,
    /// <see cref="DegreeMatchedPairs"/>): the clusters k-means made most of become the most active users and the
    /// most popular items, as dense regions of the source's latent space are its popular users and items. A pair's
    /// rating is its centres' DeepMF dot product with the source's residual noise (<see cref="DifficultyCalibration"/>).
    /// </summary>
    private static SyntheticResult SampleMatched(GanrsModel model, SampleOptions options, ClusterAssignment users, ClusterAssignment items,
        double ganTvd, double sampleSeconds, double clusterSeconds, Stopwatch total, IProgress<SyntheticProgress>? progress,
        CancellationToken cancellationToken)
    {
        var source = model.Source;
        var k = model.Options.Factors;
        var (u, i) = (options.Users, options.Items);
        var ratings = options.Ratings ?? Math.Clamp(
            DegreeTargets.ExpectedDistinctPairs(source.UserDegrees, source.ItemDegrees, u, i, options.Samples),
            Math.Max(u, i), Math.Min((long)u * i / 2, SampleOptions.MaxRatings));
        progress?.Report(new SyntheticProgress("pairs", 0, $"placing {ratings:N0} ratings"));
        var userDegrees = ByClusterSize(DegreeTargets.Scaled(source.UserDegrees, u, ratings, i), users.Labels);
        var itemDegrees = ByClusterSize(DegreeTargets.Scaled(source.ItemDegrees, i, ratings, u), items.Labels);
        var pairs = DegreeMatchedPairs.Build(userDegrees, itemDegrees, users.Labels, items.Labels, options.Seed, cancellationToken);

        var order = Enumerable.Range(0, pairs.Users.Length).ToArray();
        Array.Sort(Array.ConvertAll(order, j => (long)pairs.Users[j] * i + pairs.Items[j]), order);
        var outUsers = Array.ConvertAll(order, j => pairs.Users[j]);
        var outItems = Array.ConvertAll(order, j => pairs.Items[j]);
        var signal = new float[order.Length];
        for (var j = 0; j < signal.Length; j++)
        {
            for (var f = 0; f < k; f++)
            {
                signal[j] += users.Centers[outUsers[j] * k + f] * items.Centers[outItems[j] * k + f];
            }
        }

        var name = $"{source.Name}-ganrs-{options.Variant.Name()}-u{u}-i{i}-r{ratings}-seed{options.Seed}";
        RatingsDataset Build(float[] classes) => RatingsDataset.FromIndices(name, outUsers, outItems, classes, u, i, source.Scale);
        var (target, estimated) = ReferenceTarget(source);
        var referenceOptions = GanrsTrainer.ReferenceOptions(model.Options) with { Device = options.Device };
        var fits = 0;
        progress?.Report(new SyntheticProgress("difficulty", 0, $"reference trainings (at most {options.ReferenceFits}) towards the source's RMSE {target:F3}"));
        var threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(TorchRuntime.ThreadsForBatch(referenceOptions.BatchSize));
        DifficultyCalibration.Outcome outcome;
        try
        {
            outcome = DifficultyCalibration.Calibrate(signal, source, target, options.ReferenceFits, options.Seed, u, i, classes =>
            {
                var rmse = ReferenceModel.Train(Build(classes), referenceOptions, cancellationToken);
                var done = Interlocked.Increment(ref fits);
                progress?.Report(new SyntheticProgress("difficulty", (double)done / options.ReferenceFits, $"reference training {done}: RMSE {rmse:F3} (target {target:F3})"));
                return rmse;
            }, cancellationToken);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }
        var dataset = Build(outcome.Classes);
        var dcr = FidelityMetrics.Dcr("embedding", model.UserEmbeddings, users.Centers, k);
        var fitSamples = users.Labels.Length;
        return new SyntheticResult(dataset, options.Variant, options.Samples, fitSamples - pairs.FromSamples, outcome.PreCalibrationTvd,
            users.Iterations, items.Iterations, new SampleTimings(sampleSeconds, clusterSeconds, total.Elapsed.TotalSeconds), dcr)
        {
            GanRatingTvd = ganTvd,
            Difficulty = options.ReferenceFits == 0 ? null
                : new DifficultyReport(target, outcome.ReferenceRmse, outcome.NoiseStd, outcome.Fits, estimated || outcome.ShapesEstimated),
            Structure = new StructureReport(ratings, pairs.FromSamples, order.Length - pairs.FromSamples, pairs.Swaps),
        };
    }

    /// <summary>Gives the largest target degree to the cluster with the most samples, and so on down.</summary>
    private static int[] ByClusterSize(int[] degreesLargestFirst, int[] labels)
    {
        var sizes = DatasetStats.Degrees(labels, degreesLargestFirst.Length);
        var byCurrentSize = Enumerable.Range(0, sizes.Length).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var degrees = new int[sizes.Length];
        for (var r = 0; r < byCurrentSize.Length; r++)
        {
            degrees[byCurrentSize[r]] = degreesLargestFirst[r];
        }
        return degrees;
    }

    /// <summary>
    /// The source's reference RMSE, measured when the generator was trained. Generators saved before it was stored get
    /// an estimate: 0.85 of the source ratings' standard deviation (DeepMF's test RMSE sits near there on MovieLens).
    /// </summary>
    private static (double Rmse, bool Estimated) ReferenceTarget(SourceSummary source)
    {
        if (source.ReferenceRmse is { } measured)
        {
            return (measured, false);
        }
        return (0.85 * Math.Sqrt(source.RatingMoments().Variance), true);
    }

    private static GanGenerator LoadGenerator(GanrsModel model, SampleOptions options)
    {
        // Sampling runs in evaluation mode, where dropout draws nothing; the generator is there for the module's shape.
        var unused = SeededRandom.Generator(0);
        var generator = new GanGenerator(model.Options.NoiseSize, model.Options.GeneratorHidden1, model.Options.GeneratorHidden2, model.SampleWidth, unused);
        var weights = options.Variant == GanrsVariant.Ganrs ? model.FinalGenerator : model.BestGenerator;
        using (var reader = new BinaryReader(new MemoryStream(weights)))
        {
            generator.load(reader);
        }
        generator.to(TorchRuntime.ResolveDevice(options.Device));
        generator.eval();
        return generator;
    }

    private static void Split(float[] chunk, int k, int width, Span<float> users, Span<float> items, Span<float> ratings)
    {
        var rows = chunk.Length / width;
        for (var i = 0; i < rows; i++)
        {
            var row = chunk.AsSpan(i * width, width);
            row[..k].CopyTo(users.Slice(i * k, k));
            row.Slice(k, k).CopyTo(items.Slice(i * k, k));
            ratings[i] = row[^1];
        }
    }

    /// <summary>The paper's decoding of a sample's rating: scale so the mean matches the source, decode, clip, round; counts per class.</summary>
    internal static long[] MeanMatchedClassCounts(float[] scaledRatings, SourceSummary source)
    {
        var decoder = RatingDecoder.MeanMatched(scaledRatings, source);
        var counts = new long[source.Scale.Classes];
        foreach (var r in scaledRatings)
        {
            counts[decoder.ClassOf(r)]++;
        }
        return counts;
    }

    /// <summary>Generator output in chunks, each drawn from its own seed so that any chunk can be drawn again alone.</summary>
    private sealed class ChunkSource(GanGenerator generator, int noiseSize, SampleOptions options)
    {
        private readonly Device _device = TorchRuntime.ResolveDevice(options.Device);

        public float[] Generate(long chunkIndex, int rows)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            using var random = new torch.Generator((ulong)options.Seed * 1_000_003UL + (ulong)chunkIndex);
            using var std = options.NoiseStd.ToScalar();
            var noise = torch.randn([rows, noiseSize], generator: random).mul_(std).to(_device);
            return generator.call(noise).cpu().data<float>().ToArray();
        }
    }

    private static IProgress<KMeansProgress>? Lloyd(IProgress<SyntheticProgress>? progress, string stage, int points, int clusters) =>
        progress is null ? null : new ProgressRelay<KMeansProgress>(p => progress.Report(new SyntheticProgress(stage,
            (double)p.Iteration / p.MaxIterations,
            p.Iteration == 0 ? $"seeding {clusters:N0} clusters among {points:N0} points" : $"Lloyd iteration {p.Iteration}, {p.Moved:N0} points moved")));

    private static ClusterAssignment Cluster(float[] points, int dimensions, int k, KMeansOptions options, int[] sourceDegrees,
        GanrsVariant variant, IProgress<KMeansProgress>? progress, CancellationToken cancellationToken)
    {
        var result = KMeans.Fit(points, dimensions, k, options, progress, cancellationToken);
        return variant == GanrsVariant.Popular
            ? ClusterAssignment.Popular(points, result, sourceDegrees)
            : ClusterAssignment.Nearest(result);
    }
}
