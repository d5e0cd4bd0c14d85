using System.Runtime.InteropServices;
using System.Text;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// The compact binary form of a dataset: a header, the original ids, then three columns
/// (int32 users, int32 items, float32 ratings), little-endian. About 12 bytes a rating. Version 1 stored the scale
/// as two int32 bounds; version 2 stores minimum, maximum and step as float64.
/// </summary>
public static class DatasetFile
{
    private const uint Magic = 0x44535247; // "GRSD"
    private const int FormatVersion = 2;

    public static void Save(RatingsDataset data, string path) => ArtifactFile.Write(path, stream => Write(data, stream));

    public static void Write(RatingsDataset data, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        ArtifactFile.WriteHeader(writer, Magic, FormatVersion);
        writer.Write(data.Name);
        writer.Write(data.Scale.Min);
        writer.Write(data.Scale.Max);
        writer.Write(data.Scale.Step);
        writer.Write(data.UserIds.Length);
        foreach (var id in data.UserIds)
        {
            writer.Write(id);
        }
        writer.Write(data.ItemIds.Length);
        foreach (var id in data.ItemIds)
        {
            writer.Write(id);
        }
        writer.Write(data.Count);
        writer.Write(MemoryMarshal.AsBytes(data.Users.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(data.Items.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(data.Ratings.AsSpan()));
    }

    /// <summary>Whether the file starts as a dataset file does.</summary>
    public static bool IsDatasetFile(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.Read(head) == 4 && BitConverter.ToUInt32(head) == Magic;
    }

    public static RatingsDataset Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    public static RatingsDataset Read(Stream stream, string source)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var version = ArtifactFile.ReadHeader(reader, Magic, 1, FormatVersion, "dataset", source);
            var name = reader.ReadString();
            var scale = version == 1
                ? new RatingScale(reader.ReadInt32(), reader.ReadInt32())
                : new RatingScale(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
            var userIds = ReadStrings(reader);
            var itemIds = ReadStrings(reader);
            var count = reader.ReadInt32();
            var users = ReadColumn<int>(reader, count);
            var items = ReadColumn<int>(reader, count);
            var ratings = ReadColumn<float>(reader, count);
            return new RatingsDataset(name, users, items, ratings, userIds, itemIds, scale);
        }
        catch (EndOfStreamException)
        {
            throw new DataFormatException(source, 0, null, "is truncated");
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }
        return values;
    }

    private static T[] ReadColumn<T>(BinaryReader reader, int count) where T : unmanaged
    {
        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        while (bytes.Length > 0)
        {
            var read = reader.Read(bytes);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }
            bytes = bytes[read..];
        }
        return values;
    }
}
