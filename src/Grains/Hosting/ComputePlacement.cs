using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace GanRsSandbox.Grains.Hosting;

/// <summary>Places a grain on a silo that published <c>cuda</c> as its device, or, when there is none, on any compatible silo.</summary>
public sealed class ComputePreferredPlacementStrategy : PlacementStrategy;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ComputePreferredPlacementAttribute() : PlacementAttribute(new ComputePreferredPlacementStrategy());

public sealed class ComputePreferredPlacementDirector(ISiloMetadataCache metadata) : IPlacementDirector
{
    /// <summary>The silo the caller asked for (a grid placing its pieces where cores are free) when it can host the grain, else <see cref="Choose"/>.</summary>
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        return Task.FromResult(IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible)
            ?? Choose(compatible, silo => metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(SiloCompute.MetadataKey)));
    }

    /// <summary>A random GPU silo if any (spreading load among them), else a random silo, as Orleans' default placement does.</summary>
    public static SiloAddress Choose(SiloAddress[] compatible, Func<SiloAddress, string?> deviceOf)
    {
        if (compatible.Length == 0)
        {
            throw new OrleansException("no silo can host this grain");
        }
        var gpu = compatible.Where(silo => deviceOf(silo) == SiloCompute.MetadataValue(Shared.ComputeDevice.Cuda)).ToArray();
        var pool = gpu.Length > 0 ? gpu : compatible;
        return pool[Random.Shared.Next(pool.Length)];
    }
}
