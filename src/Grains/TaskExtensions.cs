namespace GanRsSandbox.Grains;

internal static class TaskExtensions
{
    /// <summary>The task's result, or null when there is no task or it failed: for cleanup paths that must not throw.</summary>
    public static async Task<T?> OrNull<T>(this Task<T>? task) where T : class
    {
        if (task is null)
        {
            return null;
        }
        try
        {
            return await task;
        }
        catch
        {
            return null;
        }
    }
}
