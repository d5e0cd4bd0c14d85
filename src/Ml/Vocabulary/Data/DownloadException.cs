namespace GanRsSandbox.Ml.Data;

/// <summary>A download that failed or brought something other than the published file; nothing it wrote is kept.</summary>
public sealed class DownloadException(string message, Exception? inner = null) : Exception(message, inner);
