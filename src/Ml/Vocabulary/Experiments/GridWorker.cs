namespace GanRsSandbox.Ml.Experiments;

/// <summary>Somewhere a grid's pieces run (this process, or one silo), and how many cores its pieces share there.</summary>
public sealed record GridWorker(string Name, int Cores);
