using System.Text;

namespace GanRsSandbox.Ml;

/// <summary>
/// How every artifact (datasets, checkpoints, generators, reports) reaches disk: written to a temporary file
/// beside the target and renamed over it once complete, so a reader never sees half a file and a crash leaves
/// the previous version intact.
/// </summary>
public static class ArtifactFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes the magic number and format version that <see cref="ReadHeader"/> checks.</summary>
    public static void WriteHeader(BinaryWriter writer, uint magic, int version)
    {
        writer.Write(magic);
        writer.Write(version);
    }

    /// <summary>Checks the magic number and format version, failing with a message that names the file and what it should be.</summary>
    /// <param name="what">What the file should be, for the message: "model checkpoint", "generator".</param>
    public static void ReadHeader(BinaryReader reader, uint magic, int version, string what, string path) =>
        ReadHeader(reader, magic, version, version, what, path);

    /// <summary>As the other overload, for a format this build reads in several versions; returns the file's version.</summary>
    public static int ReadHeader(BinaryReader reader, uint magic, int oldest, int newest, string what, string path)
    {
        if (reader.BaseStream.Length < 8 || reader.ReadUInt32() != magic)
        {
            throw new Data.DataFormatException(path, 0, null, $"is not a GanRsSandbox {what} file");
        }
        var found = reader.ReadInt32();
        if (found < oldest || found > newest)
        {
            var reads = oldest == newest ? $"{newest}" : $"{oldest} to {newest}";
            throw new Data.DataFormatException(path, 0, null, $"has {what} format version {found}; this build reads {reads}");
        }
        return found;
    }

    public static BinaryWriter Writer(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);
}
