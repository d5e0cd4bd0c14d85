using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.RegistryState")]
public sealed class RegistryState
{
    [Id(0)] public List<string> Datasets { get; set; } = [];
    [Id(1)] public List<string> Generators { get; set; } = [];
    [Id(2)] public List<string> Models { get; set; } = [];
    [Id(3)] public List<string> Jobs { get; set; } = [];
    /// <summary>Jobs not yet finished, with the grain that runs each: what the supervisor wakes after a silo dies.</summary>
    [Id(4)] public Dictionary<string, JobOwner> ActiveJobs { get; set; } = [];
    [Id(5)] public List<string> Experiments { get; set; } = [];
}

/// <summary>Ids of everything, in creation order. Entries are ids only; the grains themselves hold the details.</summary>
public sealed class RegistryGrain([PersistentState("registry")] IPersistentState<RegistryState> state) : Grain, IRegistryGrain
{
    public async Task AddAsync(RegistryEntryKind kind, string id)
    {
        var list = List(kind);
        if (!list.Contains(id))
        {
            list.Add(id);
            await state.WriteStateAsync();
            this.Publish(new SandboxEvent { Kind = kind, Id = id });
        }
    }

    public async Task RemoveAsync(RegistryEntryKind kind, string id)
    {
        if (List(kind).Remove(id))
        {
            await state.WriteStateAsync();
            this.Publish(new SandboxEvent { Kind = kind, Id = id });
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(RegistryEntryKind kind) => Task.FromResult<IReadOnlyList<string>>(List(kind).ToList());

    public async Task JobStartedAsync(string jobId, JobOwner owner)
    {
        state.State.ActiveJobs[jobId] = owner;
        await state.WriteStateAsync();
    }

    public async Task JobEndedAsync(string jobId)
    {
        if (state.State.ActiveJobs.Remove(jobId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<JobOwner>> ActiveJobOwnersAsync() =>
        Task.FromResult<IReadOnlyList<JobOwner>>(state.State.ActiveJobs.Values.Distinct().ToList());

    private List<string> List(RegistryEntryKind kind) => kind switch
    {
        RegistryEntryKind.Dataset => state.State.Datasets,
        RegistryEntryKind.Generator => state.State.Generators,
        RegistryEntryKind.Model => state.State.Models,
        RegistryEntryKind.Job => state.State.Jobs,
        RegistryEntryKind.Experiment => state.State.Experiments,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown registry list"),
    };
}
