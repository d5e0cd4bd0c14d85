using GanRsSandbox.Shared;

namespace GanRsSandbox.BlazorUi.Features;

internal static class Listing
{
    /// <summary>Every entry of one registry list, newest first, fetched from the grains in parallel.</summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(IClusterClient cluster, RegistryEntryKind kind, Func<string, Task<T?>> get) where T : class
    {
        var ids = await cluster.GetGrain<IRegistryGrain>(IRegistryGrain.Key).ListAsync(kind);
        var items = await Task.WhenAll(ids.Reverse().Select(get));
        return items.OfType<T>().ToList();
    }

    /// <summary>An id from a URL that is malformed names nothing: 404, without activating a grain for it.</summary>
    public static Task<T> Checked<T>(string id, string what, Func<Task<T>> call) =>
        SandboxIds.IsWellFormed(id) ? call() : throw SandboxException.NotFound(what, id);

    public static Task Checked(string id, string what, Func<Task> call) =>
        SandboxIds.IsWellFormed(id) ? call() : throw SandboxException.NotFound(what, id);

    public static async Task<T> Existing<T>(string id, string what, Func<Task<T?>> get) where T : class =>
        await Checked(id, what, get) ?? throw SandboxException.NotFound(what, id);
}
