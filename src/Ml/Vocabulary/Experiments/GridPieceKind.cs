namespace GanRsSandbox.Ml.Experiments;

/// <summary>What a piece of a grid run makes.</summary>
public enum GridPieceKind
{
    /// <summary>The GANRS generator, trained once on the source.</summary>
    Generator = 0,

    /// <summary>One synthetic dataset, sampled from the generator.</summary>
    Dataset = 1,

    /// <summary>One dataset × model training on one split.</summary>
    Cell = 2,
}
