using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Progress;
using GanRsSandbox.Ml.SideInfo;
using GanRsSandbox.Ml.Workflows;
using GanRsSandbox.Shared;

namespace GanRsSandbox.Grains;

[GenerateSerializer, Alias("ganrs.DatasetState")]
public sealed class DatasetState : JobOwnerState
{
    [Id(0)] public DatasetInfo? Info { get; set; }
}

/// <summary>
/// One dataset: a source imported from a file (or the demo), or a synthetic one sampled from a generator by a job.
/// The ratings are an artifact; the state holds the metadata and statistics.
/// </summary>
[ComputePreferredPlacement]
public sealed class DatasetGrain(
    [PersistentState("dataset")] IPersistentState<DatasetState> state,
    JobServices services)
    : JobOwnerGrain<DatasetState>(state, services, JobKind.GenerateSynthetic), IDatasetGrain
{
    private const int MaxNameLength = 200;
    // Loaded on the first query and kept while the grain is active; creating a dataset does not load it.
    private Task<UserRatingIndex>? _index;

    private string Id => this.GetPrimaryKeyString();

    public async Task<long> AppendUploadAsync(long offset, byte[] chunk)
    {
        EnsureNew();
        if (chunk.Length is 0 or > IDatasetGrain.MaxUploadChunkBytes)
        {
            throw SandboxException.Invalid("file", $"an upload chunk must hold 1 to {IDatasetGrain.MaxUploadChunkBytes:N0} bytes");
        }
        var staging = Services.Artifacts.StagingPath(Id);
        var staged = File.Exists(staging) ? new FileInfo(staging).Length : 0;
        if (offset != staged)
        {
            throw SandboxException.Conflict($"the upload has {staged:N0} bytes, not the {offset:N0} this chunk follows; start it again");
        }
        await using (var file = new FileStream(staging, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous))
        {
            await file.WriteAsync(chunk);
        }
        return staged + chunk.Length;
    }

    public Task DiscardUploadAsync()
    {
        File.Delete(Services.Artifacts.StagingPath(Id));
        return Task.CompletedTask;
    }

    public async Task<DatasetInfo> ImportAsync(DatasetUpload upload)
    {
        var staging = Services.Artifacts.StagingPath(Id);
        try
        {
            EnsureNew();
            var name = CheckName(upload.Name);
            if (!RatingsFileFormats.TryParse(upload.Format, out var format))
            {
                throw SandboxException.Invalid("format", $"format: unknown format '{upload.Format}' ({RatingsFileFormats.Names})");
            }
            RatingScale? scale = null;
            if (!string.IsNullOrWhiteSpace(upload.Scale))
            {
                scale = RatingScale.TryParse(upload.Scale, out var parsedScale, out var scaleError)
                    ? parsedScale
                    : throw SandboxException.Invalid("scale", $"scale: '{upload.Scale}' {scaleError}");
            }
            if (upload.Implicit && scale is not null)
            {
                throw SandboxException.Invalid("scale", "scale: implicit feedback has no rating scale; give one or the other");
            }
            var path = upload.ServerPath is null
                ? File.Exists(staging) ? staging : throw SandboxException.Invalid("file", "file: nothing was uploaded (an empty file?)")
                : Services.Imports.Resolve(upload.ServerPath);
            var fileName = upload.ServerPath is null ? upload.FileName : upload.ServerPath;
            var options = new ImportOptions { Format = format, Name = name, Scale = scale, Implicit = upload.Implicit, Duplicates = upload.Duplicates };
            var progress = new LatestProgress();
            // Parsing a large file is CPU work: off the grain scheduler. Nothing is stored unless it parses whole.
            var parsing = Task.Run(() =>
            {
                RatingsDataset parsed;
                try
                {
                    using var stream = File.OpenRead(path);
                    parsed = RatingsImporter.Import(stream, fileName, options, progress);
                }
                catch (DataFormatException e)
                {
                    var where = e.Line > 0 ? $"{e.File}:{e.Line}" : e.File;
                    throw SandboxException.Invalid(e.Field is null ? where : $"{where}:{e.Field}", e.Message);
                }
                progress.Report(new StageProgress(StageNames.Store, 0, 1));
                return (DatasetStats.Compute(parsed).WithLongTails(parsed), Services.Artifacts.Put(file => DatasetFile.Save(parsed, file)));
            });
            await PublishProgressUntilAsync(parsing, progress);
            var (stats, artifact) = await parsing;
            var lineage = new DatasetLineage { FileName = fileName, Format = format.ToString() };
            return await StoreReadyAsync(name, stats, artifact, lineage);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    /// <summary>How often an import's progress is published: often enough for a bar, rarely enough for the stream.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Pushes the newest progress of <paramref name="work"/> while it runs, from the grain's own context, and its last
    /// report once it ends, so that even a quick import is seen to have moved.
    /// </summary>
    private async Task PublishProgressUntilAsync(Task work, LatestProgress progress)
    {
        StageProgress? published = null;
        while (true)
        {
            var completed = work.IsCompleted;
            if (progress.Latest is { } latest && !ReferenceEquals(latest, published))
            {
                published = latest;
                this.Publish(new SandboxEvent { Kind = RegistryEntryKind.Dataset, Id = Id, ProgressOnly = true, Progress = latest });
            }
            if (completed)
            {
                return;
            }
            await Task.WhenAny(work, Task.Delay(ProgressInterval));
        }
    }

    public async Task<DatasetInfo> CreateDemoAsync(string name, int seed)
    {
        EnsureNew();
        var checkedName = CheckName(name);
        var (stats, artifact) = await Task.Run(() =>
        {
            var demo = DemoDataset.Create(seed, name: checkedName);
            return (DatasetStats.Compute(demo).WithLongTails(demo), Services.Artifacts.Put(path => DatasetFile.Save(demo, path)));
        });
        return await StoreReadyAsync(checkedName, stats, artifact, new DatasetLineage { Format = $"demo (seed {seed})" });
    }

    public async Task<JobInfo> CreateSyntheticAsync(SyntheticRequest request)
    {
        EnsureNew();
        ContractMapping.Validated(request, o => o.Validate());
        if (!SandboxIds.IsWellFormed(request.GeneratorId))
        {
            throw SandboxException.Invalid("generatorId", "generatorId is required");
        }
        var generator = await GrainFactory.GetGrain<IGeneratorGrain>(request.GeneratorId).GetAsync()
            ?? throw new SandboxException(SandboxErrorKind.NotFound, $"generator '{request.GeneratorId}' does not exist", "generatorId");
        if (generator.Status != ResourceStatus.Ready)
        {
            throw new SandboxException(SandboxErrorKind.Conflict, $"generator '{request.GeneratorId}' is {generator.Status.ToString().ToLowerInvariant()}, not ready", "generatorId");
        }
        if (request.Variant.Refuses(generator.Options.Objective ?? GanObjective.Standard) is { } refusal)
        {
            throw SandboxException.Invalid("variant", $"variant: {refusal}");
        }
        var name = request.Name is null
            ? $"{generator.SourceName ?? generator.SourceDatasetId} · GANRS {request.Variant.Name()} {request.Users:N0}×{request.Items:N0}, {(request.Ratings is { } r ? $"{r:N0} ratings" : $"{request.Samples:N0} samples")}"
            : CheckName(request.Name);
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddAsync(RegistryEntryKind.Dataset, Id);
        return await StartJobAsync(jobId => State.State.Info = new DatasetInfo
        {
            Id = Id,
            Name = name,
            Kind = DatasetKind.Synthetic,
            Status = ResourceStatus.Pending,
            Lineage = new DatasetLineage { GeneratorId = generator.Id, SourceDatasetId = generator.SourceDatasetId, Sampling = request },
            JobId = jobId,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }

    protected override void UpgradeState() => State.State.Info = State.State.Info?.Upgraded();

    protected override async Task ExecuteJobAsync(JobRun run)
    {
        var info = State.State.Info!;
        var request = info.Lineage.Sampling!;
        var generator = await GrainFactory.GetGrain<IGeneratorGrain>(request.GeneratorId).GetAsync();
        if (generator?.Artifact is null)
        {
            throw SandboxException.Conflict($"generator '{request.GeneratorId}' was deleted or never finished");
        }
        var generatorPath = Services.Artifacts.Locate(generator.Artifact);
        // The request is the engine's sampling options; only the device is the silo's to choose.
        SampleOptions options = request with { Device = Services.Compute.TorchDevice };
        var (stats, artifact, fidelity, users) = await RunOnWorkerAsync(run, AllCores, (cores, token) =>
        {
            run.Reporter.Report(new StageProgress("load", 0, 1));
            var set = EngineWorkflows.SampleSynthetic(new SyntheticSetRequest(GanrsModel.Load(generatorPath), options) { Threads = cores },
                run.Reporter.AsProgress(), token);
            run.Reporter.Report(new StageProgress("store", 0, 1));
            var data = set.Result.Dataset;
            var stored = Services.Artifacts.Put(path => DatasetFile.Save(data, path));
            var stats = set.Stats.WithLongTails(data);
            ArtifactRef? users = null;
            if (set.Result.UserGroups is { } groups)
            {
                // A conditional generator's users carry their group: kept as the set's users file, as if attached.
                users = Services.Artifacts.Put(path => UserAttributesFile.Save(path, data, groups));
                stats = stats with { Groups = [UserAttributesFile.Breakdown(data, groups.Attribute, Array.ConvertAll(groups.GroupOfUser, g => groups.Values[g]))] };
            }
            return (stats, stored, set.Fidelity, users);
        });
        State.State.Info = info with
        {
            Status = ResourceStatus.Ready,
            Stats = stats,
            Fidelity = fidelity,
            Artifact = artifact,
            UsersArtifact = users,
            UsersFileName = users is null ? null : "users.csv",
        };
    }

    protected override void RecordJobEnd(JobState end, string reason)
    {
        var (status, error) = Ended(end, reason);
        State.State.Info = State.State.Info! with { Status = status, Error = error };
    }

    public Task<DatasetInfo?> GetAsync() => Task.FromResult(State.State.Info);

    public Task<DatasetInfo> AttachUsersAsync(string fileName, byte[] content) =>
        AttachSideInfoAsync(fileName, "users.csv", content, (data, reader, name) =>
        {
            var attributes = UserAttributesFile.Read(reader, name, data);
            var groups = UserAttributesFile.Breakdowns(data, attributes);
            return (info, artifact) => info with { Stats = info.Stats! with { Groups = groups }, UsersArtifact = artifact, UsersFileName = name };
        });

    public Task<DatasetInfo> AttachItemsAsync(string fileName, byte[] content) =>
        AttachSideInfoAsync(fileName, "items.csv", content, (data, reader, name) =>
        {
            var groups = ItemAttributesFile.Read(reader, name, data);
            return (info, artifact) => info with { Stats = info.Stats! with { ItemGroups = groups }, ItemsArtifact = artifact, ItemsFileName = name };
        });

    /// <summary>
    /// Reads a side-information file against the dataset off the grain scheduler (parsing and the join are CPU work),
    /// stores it only once it joins whole, and records it with what <paramref name="join"/> makes of it.
    /// </summary>
    private async Task<DatasetInfo> AttachSideInfoAsync(string fileName, string defaultName, byte[] content,
        Func<RatingsDataset, TextReader, string, Func<DatasetInfo, ArtifactRef, DatasetInfo>> join)
    {
        var info = State.State.Info ?? throw SandboxException.NotFound("dataset", Id);
        if (info.Status != ResourceStatus.Ready || info.Artifact is null)
        {
            throw SandboxException.Conflict($"dataset '{Id}' is {info.Status.ToString().ToLowerInvariant()}, not ready");
        }
        if (content.Length is 0 or > IDatasetGrain.MaxSideInfoFileBytes)
        {
            throw SandboxException.Invalid("file", $"file: a side-information file must hold 1 to {IDatasetGrain.MaxSideInfoFileBytes:N0} bytes");
        }
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? defaultName : fileName);
        var path = Services.Artifacts.Locate(info.Artifact);
        var (record, artifact) = await Task.Run(() =>
        {
            Func<DatasetInfo, ArtifactRef, DatasetInfo> recorded;
            try
            {
                using var reader = new StreamReader(new MemoryStream(content));
                recorded = join(DatasetFile.Load(path), reader, name);
            }
            catch (DataFormatException e)
            {
                var where = e.Line > 0 ? $"{e.File}:{e.Line}" : e.File;
                throw SandboxException.Invalid(e.Field is null ? where : $"{where}:{e.Field}", e.Message);
            }
            return (recorded, Services.Artifacts.Put(file => File.WriteAllBytes(file, content)));
        });
        // The grain is not reentrant: no delete or other change ran while the file was read.
        State.State.Info = record(info, artifact);
        await State.WriteStateAsync();
        this.Publish(new SandboxEvent { Kind = RegistryEntryKind.Dataset, Id = Id });
        return State.State.Info;
    }

    public async Task<IReadOnlyList<KnownRating>> GetKnownRatingsAsync(string user)
    {
        var index = await IndexAsync();
        var userIndex = index.UserIndex(user)
            ?? throw new SandboxException(SandboxErrorKind.NotFound, $"user '{user}' is not in dataset '{Id}'", "user");
        var data = index.Data;
        var known = new List<KnownRating>();
        foreach (var row in index.Rows(userIndex))
        {
            known.Add(new KnownRating { Item = data.ItemIds[data.Items[row]], Rating = data.Ratings[row] });
        }
        return known;
    }

    public async Task<IReadOnlyList<string>> GetUsersAsync(int offset, int count)
    {
        var index = await IndexAsync();
        return index.Data.UserIds.Skip(Math.Max(0, offset)).Take(Math.Clamp(count, 0, 10_000)).ToList();
    }

    public async Task DeleteAsync()
    {
        _ = State.State.Info ?? throw SandboxException.NotFound("dataset", Id);
        if (State.State.ActiveJob is not null)
        {
            throw SandboxException.Conflict($"dataset '{Id}' is still being made; cancel job {State.State.ActiveJob.JobId} first");
        }
        var registry = GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        // Models of this dataset mean nothing without it; generators and synthetic datasets stand on their own.
        foreach (var modelId in await registry.ListAsync(RegistryEntryKind.Model))
        {
            var model = GrainFactory.GetGrain<IModelGrain>(modelId);
            if ((await model.GetAsync())?.DatasetId == Id)
            {
                await model.DeleteAsync();
            }
        }
        // The state goes first: a crash before the registry forgets the id leaves a name with nothing behind it, which
        // lists skip, never a listed dataset whose file the artifact sweep has removed. The file itself stays until
        // the sweep finds that nothing refers to it (an equal upload may share it).
        _index = null;
        await State.ClearStateAsync();
        await registry.RemoveAsync(RegistryEntryKind.Dataset, Id);
        DeactivateOnIdle();
    }


    /// <summary>
    /// The most ratings an export through the cluster carries: the file travels in one grain response. Larger sets export
    /// from the command line (<c>ganrs export</c>), which streams to disk.
    /// </summary>
    public const int MaxExportRatings = 5_000_000;

    public async Task<byte[]> ExportAsync(ExportFormat format)
    {
        var info = State.State.Info ?? throw SandboxException.NotFound("dataset", Id);
        if (info.Status != ResourceStatus.Ready || info.Artifact is null)
        {
            throw SandboxException.Conflict($"dataset '{Id}' is {info.Status.ToString().ToLowerInvariant()}, not ready");
        }
        if (info.Stats?.Ratings > MaxExportRatings)
        {
            throw SandboxException.Invalid("format",
                $"dataset '{Id}' has {info.Stats.Ratings:N0} ratings, more than the {MaxExportRatings:N0} an export through the web carries; use ganrs export");
        }
        var path = Services.Artifacts.Locate(info.Artifact);
        // A conditional generator's synthetic users carry their group in the export's group column.
        var usersPath = info.Kind == DatasetKind.Synthetic && info.UsersArtifact is { } users ? Services.Artifacts.Locate(users) : null;
        return await Task.Run(() =>
        {
            using var buffer = new MemoryStream();
            var data = DatasetFile.Load(path);
            UserGrouping? groups = null;
            if (usersPath is not null)
            {
                var attributes = UserAttributesFile.Read(usersPath, data);
                groups = attributes.Grouping(attributes.Names[0]);
            }
            DatasetExport.Write(data, format, buffer, groups);
            return buffer.ToArray();
        });
    }

    private async Task<UserRatingIndex> IndexAsync()
    {
        var info = State.State.Info ?? throw SandboxException.NotFound("dataset", Id);
        if (info.Status != ResourceStatus.Ready || info.Artifact is null)
        {
            throw SandboxException.Conflict($"dataset '{Id}' is {info.Status.ToString().ToLowerInvariant()}, not ready");
        }
        var path = Services.Artifacts.Locate(info.Artifact);
        // Interleaved queries share one load; loading and indexing run off the grain scheduler.
        _index ??= Task.Run(() => new UserRatingIndex(DatasetFile.Load(path)));
        try
        {
            return await _index;
        }
        catch
        {
            _index = null;
            throw;
        }
    }

    private async Task<DatasetInfo> StoreReadyAsync(string name, DatasetStats stats, ArtifactRef artifact, DatasetLineage lineage)
    {
        State.State.Info = new DatasetInfo
        {
            Id = Id,
            Name = name,
            Kind = DatasetKind.Source,
            Status = ResourceStatus.Ready,
            Stats = stats,
            Lineage = lineage,
            CreatedAt = DateTimeOffset.UtcNow,
            Artifact = artifact,
        };
        await State.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddAsync(RegistryEntryKind.Dataset, Id);
        return State.State.Info;
    }

    private void EnsureNew()
    {
        if (State.State.Info is not null)
        {
            throw SandboxException.Conflict($"dataset '{Id}' already exists");
        }
    }

    private static string CheckName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw SandboxException.Invalid("name", $"name must be 1 to {MaxNameLength} printable characters");
        }
        return trimmed;
    }
}
