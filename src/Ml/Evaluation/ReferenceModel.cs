using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Torch;
using TorchSharp;

namespace GanRsSandbox.Ml.Evaluation;

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
