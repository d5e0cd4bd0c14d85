using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;
using TorchSharp;

namespace GanRsSandbox.Ml.Evaluation;

/// <summary>
/// The model that measures how hard a dataset is: DeepMF with the paper's settings, trained on a seeded ratio split,
/// scored by its test RMSE. The same settings are used on the source and on every synthetic set, so that the two
/// figures are comparable.
/// </summary>
public sealed record ReferenceModelOptions
{
    public int Factors { get; init; } = 5;

    public int Epochs { get; init; } = 10;

    public int BatchSize { get; init; } = 32;

    public double TestRatio { get; init; } = 0.2;

    public int Seed { get; init; } = 1;

    public string Device { get; init; } = "cpu";
}

public static class ReferenceModel
{
    /// <summary>The reference model's test RMSE on <paramref name="data"/>, trained with the thread count its batch size wants.</summary>
    public static double Rmse(RatingsDataset data, ReferenceModelOptions options, CancellationToken cancellationToken = default)
    {
        var threads = torch.get_num_threads();
        torch.set_num_threads(TorchRuntime.ThreadsForBatch(options.BatchSize));
        try
        {
            return Train(data, options, cancellationToken);
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    /// <summary>As <see cref="Rmse"/>, under the caller's thread setting, so that several can train at once.</summary>
    public static double Train(RatingsDataset data, ReferenceModelOptions options, CancellationToken cancellationToken = default)
    {
        var split = DatasetSplit.Ratio(data.Count, options.TestRatio, options.Seed);
        var baseline = new BaselineOptions
        {
            Factors = options.Factors,
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = options.Device,
        };
        using var model = BaselineModel.Create(BaselineKind.DeepMf, data, baseline);
        model.Train(data, split.Train, null, cancellationToken);
        var users = Array.ConvertAll(split.Test, r => data.Users[r]);
        var items = Array.ConvertAll(split.Test, r => data.Items[r]);
        var truth = Array.ConvertAll(split.Test, r => data.Ratings[r]);
        return ErrorMetrics.Compute(model.Predict(users, items).Rating!, truth).Rmse;
    }
}
