namespace GanRsSandbox.BlazorUi.Api;

/// <summary>A MovieLens release by name (ml-100k …) and, optionally, the new dataset's name.</summary>
public sealed record DownloadRequest(string? Release, string? Name);
