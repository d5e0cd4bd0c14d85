namespace GanRsSandbox.Ml.Data;

/// <summary>Where each MovieLens release is published, what it must hash to, and the terms it comes under.</summary>
public static class MovieLensReleases
{
    /// <summary>GroupLens' own server; a mirror with the same file names can stand in (<c>--base-url</c>, <c>Downloads:MovieLensBaseUrl</c>).</summary>
    public const string DefaultBaseUrl = "https://files.grouplens.org/datasets/movielens/";

    /// <summary>The terms GroupLens publishes with every release, in short, shown next to every way to download one.</summary>
    public const string Licence =
        "MovieLens data is published by GroupLens Research (University of Minnesota) for research use only: no commercial use " +
        "without their permission, no redistribution (share the link, not the files), and any publication that uses it must cite " +
        "F. Maxwell Harper and Joseph A. Konstan, \"The MovieLens Datasets: History and Context\", ACM TiiS 5(4), 2015, " +
        "doi:10.1145/2827872. Downloading means accepting the README.txt inside the archive.";

    /// <summary>
    /// A base address as the downloader resolves archive names against it: http or https, with a trailing '/' added
    /// (without it, <c>new Uri(base, "ml-100k.zip")</c> would replace the last path segment). Null when it is not one.
    /// </summary>
    public static Uri? BaseUri(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public static string Name(this MovieLensRelease release) => NamedValues.NameOf(release);

    /// <summary>The largest archive any release has: a bound on what a download may write.</summary>
    public static long MaxBytes => Enum.GetValues<MovieLensRelease>().Max(r => r.Source().Bytes);

    /// <summary>The published archive; the sizes and SHA-256 values are those of GroupLens' files, as TensorFlow Datasets pins them.</summary>
    public static MovieLensSource Source(this MovieLensRelease release) => release switch
    {
        MovieLensRelease.Ml100K => new("ml-100k", "ml-100k.zip", 4_924_029,
            "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229", "ml-100k/u.data"),
        MovieLensRelease.Ml1M => new("ml-1m", "ml-1m.zip", 5_917_549,
            "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20", "ml-1m/ratings.dat"),
        MovieLensRelease.MlLatestSmall => new("ml-latest-small", "ml-latest-small.zip", 978_202,
            "696d65a3dfceac7c45750ad32df2c259311949efec81f0f144fdfb91ebc9e436", "ml-latest-small/ratings.csv"),
        MovieLensRelease.Ml25M => new("ml-25m", "ml-25m.zip", 261_978_986,
            "8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa", "ml-25m/ratings.csv"),
        _ => throw new ArgumentOutOfRangeException(nameof(release), release, "not a MovieLens release"),
    };
}
