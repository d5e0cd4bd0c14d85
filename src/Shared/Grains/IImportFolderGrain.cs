namespace GanRsSandbox.Shared;

/// <summary>
/// What the silos' import folder (<c>Sandbox:ImportFolder</c>) holds, for a user choosing a file to import by path.
/// Any silo answers: the folder is the same path on every silo.
/// </summary>
[Alias("ganrs.IImportFolderGrain")]
public interface IImportFolderGrain : IGrainWithIntegerKey
{
    /// <summary>The files, as paths relative to the folder with '/' between parts, sorted; 403 (forbidden) when the folder is off.</summary>
    [Alias("List")] Task<IReadOnlyList<string>> ListAsync();
}
