using System.Text;
using System.Text.Json;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.Gan;

/// <summary>
/// A trained GANRS: the generator's weights (the last iterate, which the paper samples from, and the best-scored
/// checkpoint, which the stable variants use), the DeepMF embeddings it was trained on and a summary of the source.
/// Everything needed to sample new datasets without retraining; saved as one file.
/// </summary>
public sealed class GanrsModel
{
    private const uint Magic = 0x47535247; // "GRSG"
    private const int FormatVersion = 1;

    internal GanrsModel(GanrsOptions options, SourceSummary source, float[] userEmbeddings, float[] itemEmbeddings,
        byte[] finalGenerator, byte[] bestGenerator, GanrsTrainingSummary training)
    {
        Options = options;
        Source = source;
        UserEmbeddings = userEmbeddings;
        ItemEmbeddings = itemEmbeddings;
        FinalGenerator = finalGenerator;
        BestGenerator = bestGenerator;
        Training = training;
    }

    public GanrsOptions Options { get; }

    public SourceSummary Source { get; }

    /// <summary>Source users × K, row-major: the DeepMF user embeddings.</summary>
    public float[] UserEmbeddings { get; }

    public float[] ItemEmbeddings { get; }

    public GanrsTrainingSummary Training { get; }

    internal byte[] FinalGenerator { get; }

    internal byte[] BestGenerator { get; }

    public int SampleWidth => 2 * Options.Factors + 1;

    /// <summary>The user attribute a conditional generator (CGANRS) was trained on; null for the paper's unconditional one.</summary>
    public GeneratorCondition? Condition { get; init; }

    public void Save(string path) => ArtifactFile.Write(path, stream =>
    {
        using var writer = ArtifactFile.Writer(stream);
        ArtifactFile.WriteHeader(writer, Magic, FormatVersion);
        writer.Write(JsonSerializer.Serialize(new Header(Options, Source, Training, Condition)));
        WriteFloats(writer, UserEmbeddings);
        WriteFloats(writer, ItemEmbeddings);
        WriteBytes(writer, FinalGenerator);
        WriteBytes(writer, BestGenerator);
    });

    /// <exception cref="DataFormatException">The file is missing, unreadable or not a GANRS generator.</exception>
    public static GanrsModel Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            ArtifactFile.ReadHeader(reader, Magic, FormatVersion, "generator", path);
            var header = JsonSerializer.Deserialize<Header>(reader.ReadString())
                ?? throw new DataFormatException(path, 0, null, "has an empty header");
            var users = ReadFloats(reader);
            var items = ReadFloats(reader);
            var final = ReadBytes(reader);
            var best = ReadBytes(reader);
            return new GanrsModel(header.Options, header.Source, users, items, final, best, header.Training) { Condition = header.Condition };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or EndOfStreamException)
        {
            throw new DataFormatException(path, 0, null, $"cannot be read as a generator: {e.Message}");
        }
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var values = new float[reader.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new EndOfStreamException("truncated embeddings");
        }
        return values;
    }

    private static void WriteBytes(BinaryWriter writer, byte[] values)
    {
        writer.Write(values.Length);
        writer.Write(values);
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var values = reader.ReadBytes(count);
        return values.Length == count ? values : throw new EndOfStreamException("truncated generator weights");
    }

    private sealed record Header(GanrsOptions Options, SourceSummary Source, GanrsTrainingSummary Training, GeneratorCondition? Condition);
}
