namespace GanRsSandbox.Cli;

/// <summary>Bad command-line usage: exit code 2, with a message that names the argument.</summary>
public sealed class UsageException(string message) : Exception(message);
