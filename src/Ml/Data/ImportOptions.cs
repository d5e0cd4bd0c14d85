namespace GanRsSandbox.Ml.Data;

public sealed record ImportOptions
{
    /// <summary>The most ratings one file may hold: 12 bytes each in memory, about 1.2 GB at the bound.</summary>
    public const int MaxRatings = 100_000_000;

    public RatingsFileFormat Format { get; init; } = RatingsFileFormat.Auto;

    /// <summary>The rating scale; null detects it from the values (see <see cref="RatingScale.Detect"/>).</summary>
    public RatingScale? Scale { get; init; }

    /// <summary>
    /// Read every row as an interaction, ignoring any rating column: implicit feedback on the <see cref="RatingScale.Unary"/>
    /// scale. A file with no rating column is read so without being asked.
    /// </summary>
    public bool Implicit { get; init; }

    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Reject;

    /// <summary>The name to give the dataset; null takes the file name.</summary>
    public string? Name { get; init; }
}
