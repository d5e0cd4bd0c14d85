using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace GanRsSandbox.Ml.Models;

/// <summary>
/// One of the six baselines: built, trained, queried and saved through plain .NET values. No tensor crosses this
/// class's public surface, and every tensor it makes lives in a dispose scope.
/// </summary>
public sealed class BaselineModel : IDisposable
{
    private const uint CheckpointMagic = 0x4D535247; // "GRSM"
    private const int CheckpointVersion = 1;
    private const int PredictionChunk = 1 << 16;

    private readonly nn.Module<Tensor, Tensor, Tensor> _network;
    private readonly Device _device;

    /// <summary>Dropout masks and VDeepMF's noise come from here, so concurrent trainings do not disturb each other.</summary>
    private readonly torch.Generator _random;

    private BaselineModel(BaselineKind kind, int users, int items, RatingScale scale, BaselineOptions options)
    {
        options.Validate();
        if (ImplicitFeedback.Refuses(scale, kind) is { } refusal)
        {
            throw new ArgumentException(refusal);
        }
        Kind = kind;
        Users = users;
        Items = items;
        Scale = scale;
        Options = options;
        BinaryThreshold = options.BinaryThreshold ?? scale.DefaultThresholds[0];
        _device = TorchRuntime.ResolveDevice(options.Device);
        _random = SeededRandom.Generator(options.Seed);
        _network = SeededRandom.Build<nn.Module<Tensor, Tensor, Tensor>>(options.Seed, () => kind switch
        {
            BaselineKind.DeepMf => new DeepMfNetwork(users, items, options.Factors),
            BaselineKind.VDeepMf => new VDeepMfNetwork(users, items, options.Factors, _random),
            BaselineKind.Ncf or BaselineKind.NcfBinary => new NcfNetwork(users, items, options.Factors, 1, _random),
            BaselineKind.NcfClassification or BaselineKind.NcfImproved => new NcfNetwork(users, items, options.Factors, scale.Classes, _random),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        });
        _network.to(_device);
    }

    public BaselineKind Kind { get; }

    public int Users { get; }

    public int Items { get; }

    public RatingScale Scale { get; }

    public BaselineOptions Options { get; }

    /// <summary>The rating from which ncf-binary treats an item as relevant.</summary>
    public double BinaryThreshold { get; }

    public static BaselineModel Create(BaselineKind kind, int users, int items, RatingScale scale, BaselineOptions? options = null) =>
        new(kind, users, items, scale, options ?? new BaselineOptions());

    public static BaselineModel Create(BaselineKind kind, RatingsDataset data, BaselineOptions? options = null) =>
        Create(kind, data.UserCount, data.ItemCount, data.Scale, options);

    /// <summary>Trains on the given rows of <paramref name="data"/> with mini-batch Adam, shuffling every epoch.</summary>
    public TrainingReport Train(RatingsDataset data, int[] rows, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (data.UserCount > Users || data.ItemCount > Items)
        {
            throw new ArgumentException($"the dataset has {data.UserCount} users and {data.ItemCount} items; the model was built for {Users} and {Items}");
        }
        if (rows.Length == 0)
        {
            throw new ArgumentException("there are no training ratings");
        }
        // On implicit feedback every training row is a positive; ncf-binary learns the rest from sampled negatives.
        var negatives = Kind == BaselineKind.NcfBinary && Scale.IsUnary ? Options.Negatives : 0;
        var known = negatives > 0 ? KnownPairs(data, rows) : null;
        var examples = rows.Length * (1 + negatives);
        var batch = Options.BatchSize;
        var stepsPerEpoch = (examples + batch - 1) / batch;
        var totalSteps = (long)stepsPerEpoch * Options.Epochs;
        var epochLosses = new double[Options.Epochs];
        var random = new Random(Options.Seed);
        var order = (int[])rows.Clone();
        var users = new long[examples];
        var items = new long[examples];
        var targets = new float[examples];
        var clock = Stopwatch.StartNew();
        var reportEvery = Math.Max(1, stepsPerEpoch / 20);
        long step = 0;

        _random.manual_seed(Options.Seed);
        using var optimizer = new FlatAdam(_network.parameters(), Options.LearningRate);
        _network.train();
        for (var epoch = 0; epoch < Options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var i = 0; i < order.Length; i++)
            {
                var at = i * (1 + negatives);
                users[at] = data.Users[order[i]];
                items[at] = data.Items[order[i]];
                targets[at] = Target(data.Ratings[order[i]]);
                for (var n = 1; n <= negatives; n++)
                {
                    users[at + n] = users[at];
                    items[at + n] = SampleNegative(data.Users[order[i]], data.ItemCount, known!, random);
                    targets[at + n] = 0;
                }
            }
            double lossSum = 0;
            using (var epochScope = NewDisposeScope())
            {
                // One copy per epoch; the batches below are views of it, so a step allocates nothing to feed the net.
                var userTensor = tensor(users, device: _device);
                var itemTensor = tensor(items, device: _device);
                var targetTensor = TargetTensor(targets);
                for (var start = 0; start < examples; start += batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var length = Math.Min(batch, examples - start);
                    using var stepScope = NewDisposeScope();
                    optimizer.ZeroGrad();
                    var loss = Loss(
                        _network.call(userTensor.narrow(0, start, length), itemTensor.narrow(0, start, length)),
                        targetTensor.narrow(0, start, length));
                    loss.backward();
                    optimizer.Step();
                    lossSum += loss.item<float>() * length;
                    step++;
                    if (progress is not null && (step % reportEvery == 0 || step == totalSteps))
                    {
                        progress.Report(new TrainingProgress(epoch + 1, Options.Epochs, step, totalSteps, lossSum / (start + length), clock.Elapsed));
                    }
                }
            }
            epochLosses[epoch] = lossSum / examples;
        }
        _network.eval();
        var seconds = clock.Elapsed.TotalSeconds;
        return new TrainingReport(Options.Epochs, batch, seconds, (double)rows.Length * Options.Epochs / seconds, epochLosses);
    }

    private static HashSet<long> KnownPairs(RatingsDataset data, int[] rows)
    {
        var known = new HashSet<long>(rows.Length);
        foreach (var row in rows)
        {
            known.Add(((long)data.Users[row] << 32) | (uint)data.Items[row]);
        }
        return known;
    }

    /// <summary>An item the user has not interacted with in training; after a few tries (a user who has seen nearly all) any item.</summary>
    private static int SampleNegative(int user, int itemCount, HashSet<long> known, Random random)
    {
        const int Tries = 32;
        var item = random.Next(itemCount);
        for (var attempt = 1; attempt < Tries && known.Contains(((long)user << 32) | (uint)item); attempt++)
        {
            item = random.Next(itemCount);
        }
        return item;
    }

    private float Target(float rating) => Kind switch
    {
        BaselineKind.NcfClassification or BaselineKind.NcfImproved => Scale.ClassOf(rating),
        BaselineKind.NcfBinary => rating >= (float)BinaryThreshold ? 1f : 0f,
        _ => rating,
    };

    private Tensor TargetTensor(float[] targets) => Kind.IsClassifier()
        ? tensor(targets, device: _device).to_type(ScalarType.Int64)
        : tensor(targets, device: _device);

    private Tensor Loss(Tensor output, Tensor target) => Kind switch
    {
        BaselineKind.DeepMf or BaselineKind.VDeepMf => nn.functional.mse_loss(output, target),
        BaselineKind.Ncf => nn.functional.mse_loss(nn.functional.relu(output.squeeze(1)), target),
        BaselineKind.NcfClassification or BaselineKind.NcfImproved => nn.functional.cross_entropy(output, target),
        BaselineKind.NcfBinary => nn.functional.binary_cross_entropy_with_logits(output.squeeze(1), target),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Predicts for paired arrays of user and item indices.</summary>
    public Predictions Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        if (users.Length != items.Length)
        {
            throw new ArgumentException("users and items must have the same length");
        }
        return Predict(users, items, singleUser: null);
    }

    /// <summary>Predicts one user's response to each of <paramref name="items"/>.</summary>
    public Predictions PredictForUser(int user, ReadOnlySpan<int> items) => Predict(default, items, user);

    /// <param name="singleUser">When set, every pair is this user with one of <paramref name="items"/>, and <paramref name="users"/> is ignored.</param>
    private Predictions Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, int? singleUser)
    {
        var count = items.Length;
        var score = new float[count];
        var rating = Kind.PredictsRating() ? new float[count] : null;
        var reliability = Kind.IsClassifier() ? new float[count] : null;
        _network.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < count; start += PredictionChunk)
        {
            var length = Math.Min(PredictionChunk, count - start);
            using var scope = NewDisposeScope();
            var userTensor = singleUser is { } user
                ? full(length, (long)user, dtype: ScalarType.Int64, device: _device)
                : IndexTensor(users.Slice(start, length));
            var output = _network.call(userTensor, IndexTensor(items.Slice(start, length)));
            Decode(output, score.AsSpan(start, length), rating is null ? default : rating.AsSpan(start, length),
                reliability is null ? default : reliability.AsSpan(start, length));
        }
        return new Predictions(score, rating, reliability);
    }

    private Tensor IndexTensor(ReadOnlySpan<int> indices)
    {
        var values = new long[indices.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = indices[i];
        }
        return tensor(values, device: _device);
    }

    private void Decode(Tensor output, Span<float> score, Span<float> rating, Span<float> reliability)
    {
        switch (Kind)
        {
            case BaselineKind.DeepMf or BaselineKind.VDeepMf:
                Copy(output, score);
                Copy(output.clamp(Scale.Min, Scale.Max), rating);
                break;
            case BaselineKind.Ncf:
                var relu = nn.functional.relu(output.squeeze(1));
                Copy(relu, score);
                Copy(relu.clamp(Scale.Min, Scale.Max), rating);
                break;
            case BaselineKind.NcfClassification or BaselineKind.NcfImproved:
                var probabilities = nn.functional.softmax(output, 1);
                var (top, argmax) = probabilities.max(1);
                Copy(top, reliability);
                var predicted = Kind == BaselineKind.NcfClassification
                    ? argmax.to_type(ScalarType.Float32) * Scale.Step + Scale.Min
                    : (probabilities * tensor(Array.ConvertAll(Scale.Values, v => (float)v), device: _device)).sum(1);
                Copy(predicted, score);
                Copy(predicted, rating);
                break;
            case BaselineKind.NcfBinary:
                Copy(output.squeeze(1).sigmoid(), score);
                break;
        }
    }

    private static void Copy(Tensor source, Span<float> destination)
    {
        source.cpu().data<float>().CopyTo(destination);
    }

    /// <summary>Writes the model (settings and weights) to one file, atomically.</summary>
    public void Save(string path) => ArtifactFile.Write(path, stream =>
    {
        using var writer = ArtifactFile.Writer(stream);
        ArtifactFile.WriteHeader(writer, CheckpointMagic, CheckpointVersion);
        writer.Write(JsonSerializer.Serialize(new CheckpointHeader(Kind.Name(), Users, Items, Scale.Min, Scale.Max, Options) { ScaleStep = Scale.Step }));
        _network.save(writer);
    });

    /// <summary>Reads a model written by <see cref="Save"/>. <paramref name="device"/> overrides the saved device.</summary>
    public static BaselineModel Load(string path, string? device = null)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        ArtifactFile.ReadHeader(reader, CheckpointMagic, CheckpointVersion, "model checkpoint", path);
        var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadString())
            ?? throw new DataFormatException(path, 0, null, "has an empty checkpoint header");
        if (!BaselineKinds.TryParse(header.Kind, out var kind))
        {
            throw new DataFormatException(path, 0, null, $"names an unknown model '{header.Kind}'");
        }
        var options = device is null ? header.Options : header.Options with { Device = device };
        var model = new BaselineModel(kind, header.Users, header.Items, new RatingScale(header.ScaleMin, header.ScaleMax, header.ScaleStep), options);
        model._network.load(reader);
        model._network.eval();
        return model;
    }

    /// <summary>The learned user and item embedding tables (rows × factors, row-major) of a DeepMF model: GANRS's latent space.</summary>
    public (float[] Users, float[] Items) Embeddings()
    {
        if (_network is not DeepMfNetwork deepMf)
        {
            throw new InvalidOperationException($"{Kind.Name()} has no plain embedding space; GANRS uses deepmf");
        }
        using var scope = NewDisposeScope();
        return (deepMf.UserEmbeddings.cpu().data<float>().ToArray(), deepMf.ItemEmbeddings.cpu().data<float>().ToArray());
    }

    public void Dispose()
    {
        _network.Dispose();
        _random.Dispose();
    }

    private sealed record CheckpointHeader(string Kind, int Users, int Items, double ScaleMin, double ScaleMax, BaselineOptions Options)
    {
        /// <summary>Absent in checkpoints written before scales had steps: those were all unit scales.</summary>
        public double ScaleStep { get; init; } = 1;
    }
}
