namespace GanRsSandbox.Ml.Data;

/// <summary>One downloadable archive: where it is, what it must be (its published size and SHA-256), and its ratings file.</summary>
/// <param name="Name">The release's name (ml-100k), also the folder the archive unpacks into.</param>
/// <param name="Archive">The archive's file name on the publisher's server (ml-100k.zip).</param>
/// <param name="Bytes">The archive's exact size: a download that runs past it is stopped.</param>
/// <param name="Sha256">The archive's SHA-256 in lower-case hex.</param>
/// <param name="RatingsEntry">The ratings file inside the archive (ml-100k/u.data).</param>
public sealed record MovieLensSource(string Name, string Archive, long Bytes, string Sha256, string RatingsEntry);
