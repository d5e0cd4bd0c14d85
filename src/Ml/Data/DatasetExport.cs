using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Writes a dataset, source or synthetic, in the formats other tools read, with the original ids. Every format
/// imports back (<see cref="RatingsImporter"/>, Parquet through <see cref="ReadParquet"/>) to the same statistics.
/// </summary>
public static class DatasetExport
{
    private const int RowGroup = 1_000_000;

    /// <summary>Writes the file atomically: a reader never sees half of it.</summary>
    /// <param name="groups">The users' groups (a conditional generator's synthetic users): a <c>group</c> column follows the rating.</param>
    public static void Save(RatingsDataset data, ExportFormat format, string path, UserGrouping? groups = null) =>
        ArtifactFile.Write(Path.GetFullPath(path), stream => Write(data, format, stream, groups));

    public static void Write(RatingsDataset data, ExportFormat format, Stream stream, UserGrouping? groups = null)
    {
        if (groups is not null && groups.GroupOfUser.Length != data.UserCount)
        {
            throw new ArgumentException($"the grouping has {groups.GroupOfUser.Length:N0} users, the dataset {data.UserCount:N0}", nameof(groups));
        }
        if (format == ExportFormat.Parquet)
        {
            WriteParquet(data, stream, groups);
            return;
        }
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var separator = format == ExportFormat.RecBole ? '\t' : ',';
        var header = format == ExportFormat.RecBole ? "user_id:token\titem_id:token\trating:float" : "user,item,rating";
        writer.WriteLine(groups is null ? header : header + (format == ExportFormat.RecBole ? "\tgroup:token" : ",group"));
        for (var i = 0; i < data.Count; i++)
        {
            writer.Write(separator == '\t' ? Token(data.UserIds[data.Users[i]]) : CsvField(data.UserIds[data.Users[i]]));
            writer.Write(separator);
            writer.Write(separator == '\t' ? Token(data.ItemIds[data.Items[i]]) : CsvField(data.ItemIds[data.Items[i]]));
            writer.Write(separator);
            if (groups is null)
            {
                writer.WriteLine(data.Ratings[i].ToString(CultureInfo.InvariantCulture));
                continue;
            }
            writer.Write(data.Ratings[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(separator);
            var value = groups.Values[groups.GroupOfUser[data.Users[i]]];
            writer.WriteLine(separator == '\t' ? Token(value) : CsvField(value));
        }
    }

    /// <summary>An id as a CSV field: quoted when it holds a comma, a quote or a line break.</summary>
    internal static string CsvField(string id) => id.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{id.Replace("\"", "\"\"")}\"" : id;

    /// <summary>An id as a RecBole token, which cannot hold a tab.</summary>
    private static string Token(string id) =>
        id.Contains('\t') ? throw new ArgumentException($"id '{id}' holds a tab, which a RecBole token cannot") : id;

    private static void WriteParquet(RatingsDataset data, Stream stream, UserGrouping? groups)
    {
        var user = new DataField<string>("user");
        var item = new DataField<string>("item");
        var rating = new DataField<float>("rating");
        var groupField = new DataField<string>("group");
        var schema = groups is null ? new ParquetSchema(user, item, rating) : new ParquetSchema(user, item, rating, groupField);
        // Parquet.Net is asynchronous only; the engine is synchronous and runs on no synchronization context.
        var writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        try
        {
            for (var start = 0; start < data.Count; start += RowGroup)
            {
                var length = Math.Min(RowGroup, data.Count - start);
                var users = new string[length];
                var items = new string[length];
                for (var i = 0; i < length; i++)
                {
                    users[i] = data.UserIds[data.Users[start + i]];
                    items[i] = data.ItemIds[data.Items[start + i]];
                }
                using var group = writer.CreateRowGroup();
                group.WriteAsync(user, users).GetAwaiter().GetResult();
                group.WriteAsync(item, items).GetAwaiter().GetResult();
                group.WriteAsync<float>(rating, data.Ratings.AsMemory(start, length)).GetAwaiter().GetResult();
                if (groups is not null)
                {
                    var values = new string[length];
                    for (var i = 0; i < length; i++)
                    {
                        values[i] = groups.Values[groups.GroupOfUser[data.Users[start + i]]];
                    }
                    group.WriteAsync(groupField, values).GetAwaiter().GetResult();
                }
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Whether the file starts as Parquet does ("PAR1").</summary>
    public static bool IsParquet(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.Read(head) == 4 && head.SequenceEqual("PAR1"u8);
    }

    /// <summary>Reads a Parquet file with user, item and (unless implicit) rating columns, as the text importer would.</summary>
    public static RatingsDataset ReadParquet(string path, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        using var stream = File.OpenRead(path);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new DataFormatException(path, 0, null, $"is not a readable Parquet file: {e.Message}");
        }
        try
        {
            var fields = reader.Schema.DataFields;
            var userField = Find(fields, "user", path);
            var itemField = Find(fields, "item", path);
            var ratingField = options.Implicit ? null : fields.FirstOrDefault(f => f.Name == "rating");
            var text = new StringBuilder(ratingField is null ? "user,item\n" : "user,item,rating\n");
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var length = checked((int)group.RowCount);
                var users = ReadText(group, userField, length);
                var items = ReadText(group, itemField, length);
                var ratings = ratingField is null ? null : ReadRatings(group, ratingField, length);
                for (var i = 0; i < length; i++)
                {
                    text.Append(CsvField(users[i] ?? "")).Append(',').Append(CsvField(items[i] ?? ""));
                    if (ratings is not null)
                    {
                        text.Append(',').Append(ratings[i].ToString(CultureInfo.InvariantCulture));
                    }
                    text.Append('\n');
                }
            }
            // One validation path for every format: the rows go through the same importer and its checks.
            using var csv = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
            return RatingsImporter.Import(csv, path, options with { Format = RatingsFileFormat.Csv, Name = options.Name ?? Path.GetFileName(path) });
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static DataField Find(DataField[] fields, string name, string path) =>
        fields.FirstOrDefault(f => f.Name == name)
        ?? throw new DataFormatException(path, 0, null, $"has no column '{name}' (found: {string.Join(", ", fields.Select(f => f.Name))})");

    private static string?[] ReadText(ParquetRowGroupReader group, DataField field, int length)
    {
        if (field.ClrType == typeof(int))
        {
            var numbers = new int[length];
            group.ReadAsync<int>(field, numbers.AsMemory()).GetAwaiter().GetResult();
            return Array.ConvertAll(numbers, n => (string?)n.ToString(CultureInfo.InvariantCulture));
        }
        if (field.ClrType == typeof(long))
        {
            var numbers = new long[length];
            group.ReadAsync<long>(field, numbers.AsMemory()).GetAwaiter().GetResult();
            return Array.ConvertAll(numbers, n => (string?)n.ToString(CultureInfo.InvariantCulture));
        }
        var values = new string?[length];
        group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
        return values;
    }

    private static float[] ReadRatings(ParquetRowGroupReader group, DataField field, int length)
    {
        if (field.ClrType == typeof(double))
        {
            var doubles = new double[length];
            group.ReadAsync<double>(field, doubles.AsMemory()).GetAwaiter().GetResult();
            return Array.ConvertAll(doubles, d => (float)d);
        }
        var values = new float[length];
        group.ReadAsync<float>(field, values.AsMemory()).GetAwaiter().GetResult();
        return values;
    }
}
