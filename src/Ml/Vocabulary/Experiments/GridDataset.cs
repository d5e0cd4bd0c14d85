using GanRsSandbox.Ml.Evaluation;

namespace GanRsSandbox.Ml.Experiments;

public sealed record GridDataset(string Key, bool IsSource, int Users, int Items, int Ratings, long? Samples, bool InSampleSweep, FidelityReport? Fidelity);
