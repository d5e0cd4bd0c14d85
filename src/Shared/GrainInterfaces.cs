using Orleans;
using Orleans.Concurrency;

namespace GanRsSandbox.Shared;

/// <summary>A grain that makes one thing through a job; the supervisor wakes it so that an interrupted job restarts.</summary>
[Alias("ganrs.IJobOwnerGrain")]
public interface IJobOwnerGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain; activation restarts a job that its previous activation was running.</summary>
    [Alias("EnsureJobRunning")] Task EnsureJobRunningAsync();

    /// <summary>One-way: the job grain that asks must not wait on an owner that may be activating and calling it back.</summary>
    [OneWay, Alias("CancelJob")] Task CancelJobAsync(string jobId);
}

[Alias("ganrs.IDatasetGrain")]
public interface IDatasetGrain : IJobOwnerGrain
{
    /// <summary>Parses, validates and stores an uploaded file; a file that fails validation leaves nothing behind.</summary>
    [Alias("Import")] Task<DatasetInfo> ImportAsync(DatasetUpload upload);

    /// <summary>Makes the built-in demo source: a seeded latent-factor dataset, so that a first run needs no file.</summary>
    [Alias("CreateDemo")] Task<DatasetInfo> CreateDemoAsync(string name, int seed);

    /// <summary>Starts sampling a synthetic dataset from a trained generator.</summary>
    [Alias("CreateSynthetic")] Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request);

    /// <summary>Null when the dataset does not exist.</summary>
    [AlwaysInterleave, Alias("Get")] Task<DatasetInfo?> GetAsync();

    [Alias("KnownRatings")] Task<IReadOnlyList<KnownRating>> GetKnownRatingsAsync(string user);

    [Alias("Users")] Task<IReadOnlyList<string>> GetUsersAsync(int offset, int count);

    [Alias("Delete")] Task DeleteAsync();
}

[Alias("ganrs.IGeneratorGrain")]
public interface IGeneratorGrain : IJobOwnerGrain
{
    [Alias("Train")] Task<JobInfo> TrainAsync(GeneratorRequest request);

    [AlwaysInterleave, Alias("Get")] Task<GeneratorInfo?> GetAsync();
}

[Alias("ganrs.IModelGrain")]
public interface IModelGrain : IJobOwnerGrain
{
    [Alias("Train")] Task<JobInfo> TrainAsync(ModelRequest request);

    [AlwaysInterleave, Alias("Get")] Task<ModelInfo?> GetAsync();

    /// <summary>The top-N items the user has not rated, best first. The model stays in memory between calls.</summary>
    [AlwaysInterleave, Alias("Recommend")] Task<IReadOnlyList<Recommendation>> RecommendAsync(string user, int count);

    /// <summary>Removes the model and its artifact; a model still training is cancelled first.</summary>
    [Alias("Delete")] Task DeleteAsync();
}

[Alias("ganrs.IJobGrain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Records a new job; its kind and result id name the grain that runs it.</summary>
    [Alias("Create")] Task CreateAsync(JobInfo job);

    [AlwaysInterleave, Alias("Get")] Task<JobInfo?> GetAsync();

    [Alias("Update")] Task UpdateAsync(JobState state, string? error = null, string? silo = null, string? device = null);

    /// <summary>Progress is kept in memory and written on state changes only, so that a chatty job never waits on storage.</summary>
    [OneWay, Alias("Report")] Task ReportProgressAsync(JobProgress progress);

    [Alias("Interrupted")] Task MarkInterruptedAsync(int restarts);

    /// <summary>Asks the owner to stop; the job ends cancelled once it has.</summary>
    [Alias("Cancel")] Task<JobInfo> CancelAsync();
}

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

[GenerateSerializer, Alias("ganrs.RegistryEntryKind")]
public enum RegistryEntryKind
{
    Dataset = 0,
    Generator = 1,
    Model = 2,
    Job = 3,
    Experiment = 4,
}
