namespace GanRsSandbox.Shared;

/// <summary>A user's known ratings, so that a client can show what the recommendations exclude.</summary>
[GenerateSerializer, Immutable, Alias("ganrs.KnownRating")]
public sealed record KnownRating
{
    [Id(0)] public required string Item { get; init; }
    [Id(1)] public required double Rating { get; init; }
}
