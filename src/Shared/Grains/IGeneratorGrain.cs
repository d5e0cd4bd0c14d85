using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

[Alias("ganrs.IGeneratorGrain")]
public interface IGeneratorGrain : IJobOwnerGrain
{
    [Alias("Train")] Task<JobInfo> TrainAsync(GeneratorRequest request);

    [AlwaysInterleave, Alias("Get")] Task<GeneratorInfo?> GetAsync();
}
