using System.Diagnostics;
using GanRsSandbox.Ml.Clustering;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Ml.Scenarios;
using GanRsSandbox.Ml.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Gan;

/// <summary>Draws a synthetic dataset from a trained GANRS (paper steps 4-7), in chunks.</summary>
public static class SyntheticSampler
{
    private const int MatchedSamplesPerCluster = 50;

    /// <param name="threads">The cores the drawing and the clustering may use (<see cref="ThreadBudget"/>); null, every core. The result does not depend on it.</param>
    public static SyntheticResult Sample(GanrsModel model, SampleOptions options, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default, int? threads = null)
    {
        options.Validate();
        if (options.Variant.Refuses(model.Options.Objective) is { } refusal)
        {
            throw new ArgumentOutOfRangeException("variant", options.Variant.Name(), refusal);
        }
        var total = Stopwatch.StartNew();
        var k = model.Options.Factors;
        var width = model.SampleWidth;
        var source = model.Source;
        var plan = GroupPlan.For(model, options);
        var ratingShares = RequestedClassShares(options, source.Scale);
        var fitCount = (int)Math.Min(options.Samples, options.ClusterFitLimit);
        if (options.Variant.IsMatched())
        {
            // The matched variant takes only the centres and a first share of the pairs from the samples (the size
            // comes from the degree targets): 50 samples a cluster place the centres as well as 200 do, in a quarter of the time.
            fitCount = (int)Math.Min(fitCount, MatchedSamplesPerCluster * (long)Math.Max(options.Users, options.Items));
        }

        using var generator = LoadGenerator(model, options);
        var chunks = new ChunkSource(generator, model.Options.NoiseSize, options, plan);

        // Step 4: the samples that k-means fits on are kept; any beyond are regenerated from their chunk seed later.
        var userPoints = new float[(long)fitCount * k];
        var itemPoints = new float[(long)fitCount * k];
        var ratings = new float[fitCount];
        var clock = Stopwatch.StartNew();
        var fitChunks = (int)((fitCount + options.ChunkSize - 1) / options.ChunkSize);
        var generated = 0L;
        // Chunks are independent (each has its own seed), so they are drawn on all cores at once; each draw
        // then runs single-threaded inside libtorch instead of handing tiny pieces between threads.
        var before = torch.get_num_threads();
        torch.set_num_threads(1);
        try
        {
            Parallel.For(0, fitChunks, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = ThreadBudget.Cores(threads) }, chunkIndex =>
            {
                // The count is per thread (ThreadBudget): a pool thread keeps its own until told.
                ThreadBudget.OneThreadHere();
                var start = (long)chunkIndex * options.ChunkSize;
                var chunk = chunks.Generate(chunkIndex, (int)Math.Min(options.ChunkSize, fitCount - start));
                Split(chunk, k, width, userPoints.AsSpan((int)(start * k)), itemPoints.AsSpan((int)(start * k)), ratings.AsSpan((int)start));
                var done = Interlocked.Add(ref generated, chunk.Length / width);
                progress?.Report(new StageProgress("sample", done, options.Samples));
            });
        }
        finally
        {
            torch.set_num_threads(before);
        }
        // The GAN's own rating fidelity: these samples under the paper's decoding, before any calibration.
        var meanMatched = MeanMatchedClassCounts(ratings, source);
        var rawTvd = FidelityMetrics.Tvd(source.RatingShares, meanMatched.Select(c => (double)c / ratings.Length).ToArray());
        var sampleSeconds = clock.Elapsed.TotalSeconds;

        // Step 6: users and items are clusters of the user and item parts.
        clock.Restart();
        var kmeansOptions = new KMeansOptions { MaxIterations = options.KMeansIterations, Seed = options.Seed, Threads = ThreadBudget.Cores(threads) };
        var userClusters = plan is null
            ? Cluster(userPoints, k, options.Users, kmeansOptions, source.UserDegrees, options.Variant,
                Lloyd(progress, "cluster-users", fitCount, options.Users), cancellationToken)
            : ClusterByGroup(userPoints, k, plan, kmeansOptions, Lloyd(progress, "cluster-users", fitCount, options.Users), cancellationToken);
        var itemClusters = Cluster(itemPoints, k, options.Items, kmeansOptions with { Seed = options.Seed + 1 }, source.ItemDegrees, options.Variant,
            Lloyd(progress, "cluster-items", fitCount, options.Items), cancellationToken);
        var clusterSeconds = clock.Elapsed.TotalSeconds;
        if (options.Variant.IsMatched())
        {
            return SampleMatched(model, options, plan, ratingShares, userClusters, itemClusters, rawTvd, sampleSeconds, clusterSeconds, total, progress, cancellationToken);
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
            progress?.Report(new StageProgress("assign", start + length, options.Samples));
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
            outRatings[j] = (float)source.Scale.ValueOf(decoder.ClassOf(keptRatings[j]));
        }
        var name = $"{source.Name}-ganrs-{options.Variant.Name()}-u{options.Users}-i{options.Items}-s{options.Samples}-seed{options.Seed}";
        var dataset = RatingsDataset.FromIndices(name, outUsers, outItems, outRatings, options.Users, options.Items, source.Scale);
        var dcr = FidelityMetrics.Dcr("embedding", model.UserEmbeddings, userClusters.Centers, k);
        DifficultyReport? difficulty = null;
        if (options.ReferenceFits > 0)
        {
            progress?.Report(new StageProgress("reference", 0, 1));
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
    private static SyntheticResult SampleMatched(GanrsModel model, SampleOptions options, GroupPlan? plan, double[]? ratingShares,
        ClusterAssignment users, ClusterAssignment items,
        double ganTvd, double sampleSeconds, double clusterSeconds, Stopwatch total, IProgress<StageProgress>? progress,
        CancellationToken cancellationToken)
    {
        var source = model.Source;
        var k = model.Options.Factors;
        var (u, i) = (options.Users, options.Items);
        var ratings = options.Ratings ?? Math.Clamp(
            DegreeTargets.ExpectedDistinctPairs(source.UserDegrees, source.ItemDegrees, u, i, options.Samples),
            Math.Max(u, i), Math.Min((long)u * i / 2, SampleOptions.MaxRatings));
        progress?.Report(new StageProgress("pairs", 0, ratings));
        var userDegrees = UserDegrees(source, options, plan, ratings, users.Labels);
        var itemDegrees = ByClusterSize(Cold(DegreeTargets.Scaled(source.ItemDegrees, i, ratings, u, exponent: options.PopularitySkew), options.ColdItems, u, "cold-items"),
            items.Labels);
        var pairs = DegreeMatchedPairs.Build(userDegrees, itemDegrees, users.Labels, items.Labels, options.Seed, cancellationToken);

        var order = Enumerable.Range(0, pairs.Users.Length).ToArray();
        Array.Sort(Array.ConvertAll(order, j => (long)pairs.Users[j] * i + pairs.Items[j]), order);
        var outUsers = Array.ConvertAll(order, j => pairs.Users[j]);
        var outItems = Array.ConvertAll(order, j => pairs.Items[j]);
        var signal = LatentSignal(source, options, users.Centers, items.Centers, k, outUsers, outItems, userDegrees, itemDegrees);

        var name = $"{source.Name}-ganrs-{options.Variant.Name()}-u{u}-i{i}-r{ratings}-seed{options.Seed}";
        RatingsDataset Build(float[] classes) => RatingsDataset.FromIndices(name, outUsers, outItems, classes, u, i, source.Scale);
        var (target, estimated) = ReferenceTarget(source);
        var referenceOptions = GanrsTrainer.ReferenceOptions(model.Options) with { Device = options.Device };
        // The histogram to produce: the source's, a scenario's, or (conditional) each group's own.
        var pairGroups = plan is null ? null : Array.ConvertAll(outUsers, plan.GroupOfUser);
        var groupShares = plan is null ? null
            : Enumerable.Range(0, plan.Groups).Select(g => ratingShares ?? plan.Condition.RatingShares[g]).ToArray();
        var histogram = ratingShares is null ? source : source with { RatingShares = ratingShares };
        var fits = 0;
        progress?.Report(new StageProgress("difficulty", 0, options.ReferenceFits, new Dictionary<string, double> { [MetricNames.TargetRmse] = target }));
        var threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(TorchRuntime.ThreadsForBatch(referenceOptions.BatchSize));
        DifficultyCalibration.Outcome outcome;
        try
        {
            outcome = DifficultyCalibration.Calibrate(signal, histogram, target, options.ReferenceFits, options.Seed, u, i, classes =>
            {
                var rmse = ReferenceModel.Train(Build(classes), referenceOptions, cancellationToken);
                var done = Interlocked.Increment(ref fits);
                progress?.Report(new StageProgress("difficulty", done, options.ReferenceFits, new Dictionary<string, double> { [MetricNames.Rmse] = rmse, [MetricNames.TargetRmse] = target }));
                return rmse;
            }, cancellationToken, pairGroups, groupShares);
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
            UserGroups = plan?.Grouping(),
        };
    }

    /// <summary>
    /// Each pair's latent rating, whose order the difficulty calibration maps onto the source's predictions. Where the
    /// generator knows the source's mean ratings by degree, it is the pair's interaction (its centres' dot product less
    /// each member's mean over its pairs, at the source's spread) plus offsets fitted so that each member's mean is a
    /// target drawn for its degree rank (<see cref="MemberOffsets"/>), or for a random rank when the request unlinks
    /// popularity and liking: the centres' own main effects are replaced, since who gets which degree follows cluster
    /// sizes, not how well liked a centre is. A generator saved before keeps the centres' dot product, as it made sets then.
    /// </summary>
    private static float[] LatentSignal(SourceSummary source, SampleOptions options, float[] userCenters, float[] itemCenters, int k,
        int[] pairUsers, int[] pairItems, int[] userDegrees, int[] itemDegrees)
    {
        var dots = new double[pairUsers.Length];
        for (var j = 0; j < dots.Length; j++)
        {
            for (var f = 0; f < k; f++)
            {
                dots[j] += userCenters[pairUsers[j] * k + f] * itemCenters[pairItems[j] * k + f];
            }
        }
        if (source is not { UserOffsets: { } userTargets, ItemOffsets: { } itemTargets, InteractionStd: { } interactionStd })
        {
            return Array.ConvertAll(dots, d => (float)d);
        }
        MemberOffsets.KeepInteraction(dots, pairUsers, userDegrees.Length, pairItems, itemDegrees.Length);
        var scale = interactionStd / Math.Max(MemberOffsets.Std(dots), 1e-12);
        var random = new Random(options.Seed + 3);
        int[] Ranked(int[] degrees)
        {
            if (options.PopularityLiking)
            {
                return degrees;
            }
            var unlinked = (int[])degrees.Clone();
            random.Shuffle(unlinked);
            return unlinked;
        }
        var (userOffsets, itemOffsets) = MemberOffsets.Fit(MemberOffsets.Targets(userTargets, Ranked(userDegrees), random),
            MemberOffsets.Targets(itemTargets, Ranked(itemDegrees), random), pairUsers, pairItems);
        var signal = new float[dots.Length];
        for (var j = 0; j < signal.Length; j++)
        {
            signal[j] = (float)(dots[j] * scale + userOffsets[pairUsers[j]] + itemOffsets[pairItems[j]]);
        }
        return signal;
    }

    /// <summary>
    /// Each synthetic user's target degree: the source's shape at the new size (or, for a conditional generator, each
    /// group's own shape and share of the ratings), with any cold-start share, matched to the clusters by size.
    /// </summary>
    private static int[] UserDegrees(SourceSummary source, SampleOptions options, GroupPlan? plan, long ratings, int[] labels)
    {
        var items = options.Items;
        if (plan is null)
        {
            return ByClusterSize(Cold(DegreeTargets.Scaled(source.UserDegrees, options.Users, ratings, items), options.ColdUsers, items, "cold-users"), labels);
        }
        var degrees = new int[options.Users];
        var groupRatings = plan.Ratings(ratings, items);
        for (var g = 0; g < plan.Groups; g++)
        {
            if (plan.Users[g] == 0)
            {
                continue;
            }
            var offset = plan.Offsets[g];
            var count = plan.Users[g];
            var local = labels.Where(l => l >= offset && l < offset + count).Select(l => l - offset).ToArray();
            var groupDegrees = ByClusterSize(Cold(DegreeTargets.Scaled(plan.Condition.UserDegrees[g], count, groupRatings[g], items), options.ColdUsers, items, "cold-users"), local);
            groupDegrees.CopyTo(degrees, offset);
        }
        return degrees;
    }

    private static int[] Cold(int[] largestFirst, ColdStart? cold, int cap, string name) =>
        cold is null ? largestFirst : DegreeTargets.WithCold(largestFirst, cold, cap, name);

    /// <summary>A requested rating histogram in the scale's class order, or null for the source's.</summary>
    internal static double[]? RequestedClassShares(SampleOptions options, RatingScale scale)
    {
        if (options.RatingShares is not { } requested)
        {
            return null;
        }
        var shares = new double[scale.Classes];
        foreach (var (value, share) in requested)
        {
            if (!scale.Contains(value))
            {
                throw new ArgumentOutOfRangeException("rating-shares", value, $"is not a rating of the source's scale ({scale})");
            }
            shares[scale.ClassOf(value)] += share;
        }
        return shares;
    }

    /// <summary>
    /// A conditional generator's users: each group's samples are clustered on their own into that group's users, so a
    /// synthetic user belongs to exactly one group and its profile comes from that group's part of the latent space.
    /// </summary>
    private static ClusterAssignment ClusterByGroup(float[] points, int dimensions, GroupPlan plan, KMeansOptions options,
        IProgress<KMeansProgress>? progress, CancellationToken cancellationToken)
    {
        var count = points.Length / dimensions;
        var labels = new int[count];
        var centers = new float[plan.Users.Sum() * dimensions];
        var (iterations, converged, inertia, seconds) = (0, true, 0.0, 0.0);
        var members = Enumerable.Range(0, plan.Groups).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < count; s++)
        {
            members[plan.GroupOfSample(s)].Add(s);
        }
        for (var g = 0; g < plan.Groups; g++)
        {
            if (plan.Users[g] == 0)
            {
                continue;
            }
            if (members[g].Count < plan.Users[g])
            {
                throw new ArgumentOutOfRangeException("samples", members[g].Count,
                    $"group {plan.Condition.Values[g]} drew {members[g].Count:N0} samples for {plan.Users[g]:N0} users; ask for more samples");
            }
            var groupPoints = new float[members[g].Count * dimensions];
            for (var j = 0; j < members[g].Count; j++)
            {
                points.AsSpan(members[g][j] * dimensions, dimensions).CopyTo(groupPoints.AsSpan(j * dimensions));
            }
            var fit = KMeans.Fit(groupPoints, dimensions, plan.Users[g], options with { Seed = options.Seed + 2 + g }, progress, cancellationToken);
            for (var j = 0; j < members[g].Count; j++)
            {
                labels[members[g][j]] = plan.Offsets[g] + fit.Labels[j];
            }
            fit.Centers.CopyTo(centers, plan.Offsets[g] * dimensions);
            (iterations, converged, inertia, seconds) = (Math.Max(iterations, fit.Iterations), converged && fit.Converged, inertia + fit.Inertia, seconds + fit.Seconds);
        }
        return ClusterAssignment.Nearest(new KMeansResult(labels, centers, plan.Users.Sum(), dimensions, iterations, converged, inertia, seconds));
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
        // Building a layer draws its initial weights from libtorch's global generator even though they are replaced at
        // once: outside the lock it would shift the seeded initialisation of a model being built on another thread.
        var generator = SeededRandom.Build(0, () => new GanGenerator(model.Options.NoiseSize + (model.Condition?.Groups ?? 0),
            model.Options.GeneratorHidden1, model.Options.GeneratorHidden2, model.SampleWidth, unused));
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
    /// <param name="plan">A conditional generator's groups: each sample's one-hot label joins its noise; null for none.</param>
    private sealed class ChunkSource(GanGenerator generator, int noiseSize, SampleOptions options, GroupPlan? plan)
    {
        private readonly Device _device = TorchRuntime.ResolveDevice(options.Device);

        public float[] Generate(long chunkIndex, int rows)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            using var random = new torch.Generator((ulong)options.Seed * 1_000_003UL + (ulong)chunkIndex);
            using var std = options.NoiseStd.ToScalar();
            var noise = torch.randn([rows, noiseSize], generator: random).mul_(std);
            if (plan is not null)
            {
                var first = chunkIndex * options.ChunkSize;
                var oneHot = new float[rows * plan.Groups];
                for (var r = 0; r < rows; r++)
                {
                    oneHot[r * plan.Groups + plan.GroupOfSample(first + r)] = 1;
                }
                noise = torch.cat([noise, torch.tensor(oneHot, [rows, plan.Groups])], 1);
            }
            return generator.call(noise.to(_device)).cpu().data<float>().ToArray();
        }
    }

    private static IProgress<KMeansProgress>? Lloyd(IProgress<StageProgress>? progress, string stage, int points, int clusters) =>
        progress is null ? null : new ProgressRelay<KMeansProgress>(p => progress.Report(new StageProgress(stage, p.Iteration, p.MaxIterations,
            new Dictionary<string, double> { [MetricNames.Clusters] = clusters, [MetricNames.Points] = points, [MetricNames.Moved] = p.Moved })));

    private static ClusterAssignment Cluster(float[] points, int dimensions, int k, KMeansOptions options, int[] sourceDegrees,
        GanrsVariant variant, IProgress<KMeansProgress>? progress, CancellationToken cancellationToken)
    {
        var result = KMeans.Fit(points, dimensions, k, options, progress, cancellationToken);
        return variant == GanrsVariant.Popular
            ? ClusterAssignment.Popular(points, result, sourceDegrees)
            : ClusterAssignment.Nearest(result);
    }
}
