using Microsoft.Extensions.Logging;

namespace GanRsSandbox.Grains;

/// <summary>The silo services every owner grain uses, in one place so that the grains' constructors stay short.</summary>
public sealed class JobServices(JobWorker worker, SiloCompute compute, ArtifactStore artifacts, ImportFolder imports, ILocalSiloDetails silo, ILoggerFactory loggers)
{
    public JobWorker Worker => worker;

    public SiloCompute Compute => compute;

    public ArtifactStore Artifacts => artifacts;

    public ImportFolder Imports => imports;

    public string SiloName => silo.SiloAddress.ToString();

    public ILogger Logger<T>() => loggers.CreateLogger<T>();
}
