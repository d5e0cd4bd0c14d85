using System.Net;
using GanRsSandbox.Grains;
using GanRsSandbox.Grains.Hosting;
using GanRsSandbox.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace GanRsSandbox.Cluster.Tests;

public sealed class PlacementTests
{
    private static readonly SiloAddress[] Silos = Enumerable.Range(0, 4).Select(i => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111 + i), 1)).ToArray();

    [Fact]
    public void A_cuda_silo_is_always_chosen_when_there_is_one()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(Silos[2], ComputePreferredPlacementDirector.Choose(Silos, silo => silo == Silos[2] ? "cuda" : "cpu"));
        }
    }

    [Fact]
    public void Without_cuda_silos_any_compatible_silo_will_do()
    {
        var chosen = Enumerable.Range(0, 50).Select(_ => ComputePreferredPlacementDirector.Choose(Silos, _ => "cpu")).ToList();
        Assert.All(chosen, silo => Assert.Contains(silo, Silos));
        // Silos that published no metadata yet count as CPU silos, not as errors.
        Assert.Contains(ComputePreferredPlacementDirector.Choose(Silos, _ => null), Silos);
    }
}

public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly SqliteGrainStorage _storage;
    private readonly GrainId _grain = GrainId.Create("dataset", "ds-1");

    public SqliteGrainStorageTests()
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        _storage = new SqliteGrainStorage(Path.Combine(_data.Path, "state.db"), new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task State_round_trips_and_a_missing_record_reads_as_absent()
    {
        var missing = new GrainState<DatasetState>(new DatasetState());
        await _storage.ReadStateAsync("dataset", _grain, missing);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);

        var written = new GrainState<DatasetState>(new DatasetState { ActiveJob = new ActiveJob { JobId = "job-1", Restarts = 2 } });
        await _storage.WriteStateAsync("dataset", _grain, written);
        var read = new GrainState<DatasetState>(new DatasetState());
        await _storage.ReadStateAsync("dataset", _grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(new ActiveJob { JobId = "job-1", Restarts = 2 }, read.State!.ActiveJob);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var first = new GrainState<DatasetState>(new DatasetState());
        await _storage.WriteStateAsync("dataset", _grain, first);
        var stale = new GrainState<DatasetState>(new DatasetState()) { ETag = first.ETag, RecordExists = true };
        first.State!.ActiveJob = new ActiveJob { JobId = "job-newer" };
        await _storage.WriteStateAsync("dataset", _grain, first);

        stale.State!.ActiveJob = new ActiveJob { JobId = "job-stale" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("dataset", _grain, stale));
        // A second insert of a record that exists is a conflict too, not an overwrite.
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("dataset", _grain, new GrainState<DatasetState>(new DatasetState())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("dataset", _grain, stale));

        var read = new GrainState<DatasetState>(new DatasetState());
        await _storage.ReadStateAsync("dataset", _grain, read);
        Assert.Equal("job-newer", read.State!.ActiveJob!.JobId);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_a_new_write_starts_over()
    {
        var state = new GrainState<DatasetState>(new DatasetState());
        await _storage.WriteStateAsync("dataset", _grain, state);
        await _storage.ClearStateAsync("dataset", _grain, state);
        Assert.Null(state.ETag);
        var read = new GrainState<DatasetState>(new DatasetState());
        await _storage.ReadStateAsync("dataset", _grain, read);
        Assert.False(read.RecordExists);
        await _storage.WriteStateAsync("dataset", _grain, state);
        Assert.NotNull(state.ETag);
    }
}

public sealed class ProblemMappingTests
{
    [Fact]
    public void Errors_map_to_their_statuses()
    {
        Assert.Equal(400, GanRsSandbox.BlazorUi.Api.ProblemMapping.Describe(SandboxException.Invalid("users", "bad")).Status);
        Assert.Equal(404, GanRsSandbox.BlazorUi.Api.ProblemMapping.Describe(SandboxException.NotFound("model", "m")).Status);
        Assert.Equal(409, GanRsSandbox.BlazorUi.Api.ProblemMapping.Describe(SandboxException.Conflict("later")).Status);
        Assert.Equal(503, GanRsSandbox.BlazorUi.Api.ProblemMapping.Describe(new TimeoutException("silo gone")).Status);
        var remote = GanRsSandbox.BlazorUi.Api.ProblemMapping.Describe(new Orleans.Runtime.OrleansException("storage failed\n   at Some.Remote.Frame()"));
        Assert.DoesNotContain("Some.Remote.Frame", remote.Detail);
        var unexpected = GanRsSandbox.BlazorUi.Api.ProblemMapping.Describe(new InvalidOperationException("secret detail"));
        Assert.Equal(500, unexpected.Status);
        Assert.DoesNotContain("secret", unexpected.Detail);
    }
}
