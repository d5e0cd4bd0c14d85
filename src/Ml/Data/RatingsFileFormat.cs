namespace GanRsSandbox.Ml.Data;

public enum RatingsFileFormat
{
    /// <summary>Decide from the first line.</summary>
    Auto,

    /// <summary>MovieLens 100K <c>u.data</c>: user, item, rating, timestamp separated by tabs.</summary>
    MovieLensTab,

    /// <summary>MovieLens 1M/10M <c>ratings.dat</c>: <c>user::item::rating::timestamp</c>.</summary>
    MovieLensDat,

    /// <summary>Comma-separated, with a header naming the user, item and rating columns (or, without one, those three first).</summary>
    Csv,
}
