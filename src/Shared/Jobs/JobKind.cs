namespace GanRsSandbox.Shared;

[GenerateSerializer, Alias("ganrs.JobKind")]
public enum JobKind
{
    TrainGenerator = 0,
    GenerateSynthetic = 1,
    TrainModel = 2,
    RunExperiment = 3,
}
