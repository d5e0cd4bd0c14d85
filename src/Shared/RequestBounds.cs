namespace GanRsSandbox.Shared;

/// <summary>
/// The upper bounds of the API's resource parameters, as the OpenAPI schema publishes them (Range attributes on the
/// request contracts). The engine's options own and enforce them (GanrsOptions, BaselineOptions, SampleOptions);
/// the contracts cannot reference the engine, so these mirror its constants, and a test holds the two equal.
/// </summary>
public static class RequestBounds
{
    public const int MaxIterations = 1_000_000;
    public const int MaxGeneratorEpochs = 1000;
    public const int MaxGeneratorBatchSize = 65_536;
    public const int MaxGeneratorFactors = 256;
    public const int MaxNoiseSize = 4096;
    public const int MaxModelEpochs = 1000;
    public const int MaxModelBatchSize = 65_536;
    public const int MaxModelFactors = 1024;
    public const int MaxUsers = 1_000_000;
    public const int MaxItems = 1_000_000;
    public const long MaxSamples = 100_000_000;
    public const long MaxRatings = 25_000_000;
    public const int MaxRankingSeeds = 10;
}
