using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GanRsSandbox.BlazorUi.Features;

/// <summary>
/// Counts every grain call this web host makes, by "interface.method", so that an idle sandbox can be shown to cost
/// nothing (pages are pushed their changes and never poll). Also a metric, <c>ganrs.web.grain_calls</c>, for the
/// Aspire dashboard.
/// </summary>
public sealed class GrainCallCounter : IOutgoingGrainCallFilter
{
    private static readonly Meter Meter = new("GanRsSandbox.Web");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("ganrs.web.grain_calls", description: "grain calls made by the web host");
    private readonly ConcurrentDictionary<string, long> _byMethod = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyDictionary<string, long> ByMethod => _byMethod;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        Interlocked.Increment(ref _count);
        _byMethod.AddOrUpdate($"{context.InterfaceName}.{context.MethodName}", 1, (_, n) => n + 1);
        Calls.Add(1);
        return context.Invoke();
    }
}
