using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

public interface IGeneratorService
{
    Task<JobInfo> TrainAsync(GeneratorRequest request);

    Task<IReadOnlyList<GeneratorInfo>> ListAsync();

    Task<GeneratorInfo> GetAsync(string id);
}
