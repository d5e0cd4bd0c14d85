namespace GanRsSandbox.Cli;

public sealed record ScaleJson(int Min, int Max);
