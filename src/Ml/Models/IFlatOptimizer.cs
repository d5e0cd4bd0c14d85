namespace GanRsSandbox.Ml.Models;

/// <summary>An optimiser over one flat parameter buffer (<see cref="FlatParameters"/>).</summary>
internal interface IFlatOptimizer : IDisposable
{
    void ZeroGrad();

    /// <summary>One update; the temporaries it makes belong to the caller's dispose scope.</summary>
    void Step();
}
