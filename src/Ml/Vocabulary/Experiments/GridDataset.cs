using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Experiments;

public sealed record GridDataset(string Key, bool IsSource, int Users, int Items, int Ratings, long? Samples, bool InSampleSweep, FidelityReport? Fidelity);
