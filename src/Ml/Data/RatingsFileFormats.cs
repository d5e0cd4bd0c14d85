namespace GanRsSandbox.Ml.Data;

public static class RatingsFileFormats
{
    /// <summary>The names users type: auto, u.data (or tab), ratings.dat (or dat) and csv.</summary>
    public const string Names = "auto, u.data, ratings.dat or csv";

    public static bool TryParse(string? text, out RatingsFileFormat format)
    {
        RatingsFileFormat? parsed = text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => RatingsFileFormat.Auto,
            "u.data" or "tab" => RatingsFileFormat.MovieLensTab,
            "ratings.dat" or "dat" => RatingsFileFormat.MovieLensDat,
            "csv" => RatingsFileFormat.Csv,
            _ => null,
        };
        format = parsed ?? RatingsFileFormat.Auto;
        return parsed is not null;
    }
}
