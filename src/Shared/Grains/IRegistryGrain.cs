using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

/// <summary>The one list of everything, for listing and for the supervisor's restart sweep.</summary>
[Alias("ganrs.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithStringKey
{
    public const string Key = "default";

    [Alias("Add")] Task AddAsync(RegistryEntryKind kind, string id);

    [Alias("Remove")] Task RemoveAsync(RegistryEntryKind kind, string id);

    [AlwaysInterleave, Alias("List")] Task<IReadOnlyList<string>> ListAsync(RegistryEntryKind kind);

    [Alias("JobStarted")] Task JobStartedAsync(string jobId, JobOwner owner);

    [Alias("JobEnded")] Task JobEndedAsync(string jobId);

    /// <summary>The grains running unfinished jobs. The silo's supervisor wakes each one; an owner whose silo died restarts its job on activation.</summary>
    [AlwaysInterleave, Alias("ActiveJobOwners")] Task<IReadOnlyList<JobOwner>> ActiveJobOwnersAsync();
}
