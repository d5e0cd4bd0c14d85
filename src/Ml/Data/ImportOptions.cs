namespace GanRsSandbox.Ml.Data;

public sealed record ImportOptions
{
    public RatingsFileFormat Format { get; init; } = RatingsFileFormat.Auto;

    /// <summary>The rating scale; null detects 1..5 or 1..10 from the data.</summary>
    public RatingScale? Scale { get; init; }

    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Reject;

    /// <summary>The name to give the dataset; null takes the file name.</summary>
    public string? Name { get; init; }
}
