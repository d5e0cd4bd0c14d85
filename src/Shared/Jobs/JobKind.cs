namespace GanRsSandbox.Shared;

[GenerateSerializer, Alias("ganrs.JobKind")]
public enum JobKind
{
    TrainGenerator = 0,
    GenerateSynthetic = 1,
    TrainModel = 2,
    RunExperiment = 3,
    /// <summary>One piece of an experiment's grid: its generator, one synthetic dataset, or one cell.</summary>
    RunGridPiece = 4,
}
