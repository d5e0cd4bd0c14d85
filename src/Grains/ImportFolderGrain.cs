using GanRsSandbox.Shared;
using Orleans.Concurrency;

namespace GanRsSandbox.Grains;

/// <summary>Lists the import folder of the silo it runs on; stateless, so every silo answers from its own disk.</summary>
[StatelessWorker]
public sealed class ImportFolderGrain(ImportFolder folder) : Grain, IImportFolderGrain
{
    public Task<IReadOnlyList<string>> ListAsync() => Task.Run(folder.List);
}
