using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Experiments;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Ml.Progress;

namespace GanRsSandbox.Ml.Workflows;

/// <summary>The engine's step-level progress records as the one <see cref="StageProgress"/> the workflows report.</summary>
public static class ProgressStages
{
    public static StageProgress ToStage(this TrainingProgress p) => new("train", p.Step, p.Steps, new Dictionary<string, double>
    {
        [MetricNames.Epoch] = p.Epoch,
        [MetricNames.Epochs] = p.Epochs,
        [MetricNames.Loss] = p.Loss,
    });

    public static StageProgress ToStage(this GanrsProgress p)
    {
        var metrics = new Dictionary<string, double>();
        if (p.DiscriminatorLoss is { } d)
        {
            metrics[MetricNames.DiscriminatorLoss] = d;
        }
        if (p.GeneratorLoss is { } g)
        {
            metrics[MetricNames.GeneratorLoss] = g;
        }
        if (p.HeldRatingTvd is { } tvd)
        {
            metrics[MetricNames.HeldRatingTvd] = tvd;
        }
        return new StageProgress(p.Stage, p.Step, p.Steps, metrics);
    }

    /// <summary>The ranking's trainings as one stage per dataset, counted in trainings, the current one's epoch as metrics.</summary>
    public static StageProgress ToStage(this RankingProgress p) => new($"ranking-{p.Dataset}", p.Done, p.Total, new Dictionary<string, double>
    {
        [MetricNames.Epoch] = p.Training.Epoch,
        [MetricNames.Epochs] = p.Training.Epochs,
        [MetricNames.Seed] = p.Seed,
    });

    /// <summary>The grid as one stage counted in pieces (the generator, each dataset, each cell), the weighted share of its work as a metric.</summary>
    public static StageProgress ToStage(this ExperimentProgress p) => new("grid", p.Step, p.Steps, new Dictionary<string, double>
    {
        [MetricNames.Work] = p.Fraction,
    })
    {
        Detail = p.Message,
    };
}
