using System.Globalization;
using System.Text;
using GanRsSandbox.Ml.Progress;
using nietras.SeparatedValues;

namespace GanRsSandbox.Ml.Data;

/// <summary>
/// Reads ratings files, streaming them through Sep. A file is accepted whole or rejected with a
/// <see cref="DataFormatException"/> that names the line and field at fault; nothing is returned half-read.
/// </summary>
public static class RatingsImporter
{

    private const int ProgressEvery = 1 << 20;

    public static RatingsDataset ImportFile(string path, ImportOptions? options = null, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, null, $"cannot be read: {e.Message}");
        }
        using (stream)
        {
            return Import(stream, path, options with { Name = options.Name ?? Path.GetFileName(path) }, progress, cancellationToken);
        }
    }

    /// <param name="source">The name used in error messages (usually the file path).</param>
    public static RatingsDataset Import(Stream stream, string source, ImportOptions? options = null, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        if (!stream.CanSeek)
        {
            // The layout is read from the first line before Sep reads the whole; a pipe is buffered to allow that.
            var buffered = new MemoryStream();
            stream.CopyTo(buffered);
            buffered.Position = 0;
            stream = buffered;
        }
        var start = stream.Position;
        if (FirstLine(stream) is not var (firstLine, firstLineNumber))
        {
            throw new DataFormatException(source, 0, null, "is empty: it holds no ratings");
        }
        stream.Position = start;
        var layout = FileLayout.From(firstLine, firstLineNumber, source, options);
        var parser = new RatingsParser(source, layout, options);
        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(layout.Separator),
            HasHeader = false,
            DisableColCountCheck = true,
            DisableQuotesParsing = !layout.Quoted,
            Unescape = layout.Quoted,
        }).From(stream);
        var length = Math.Max(1, stream.Length - start);
        long rows = 0;
        foreach (var row in reader)
        {
            parser.Accept(row);
            if (++rows % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new StageProgress(StageNames.Import, Math.Min(stream.Position - start, length), length,
                    new Dictionary<string, double> { [MetricNames.Ratings] = parser.Count }));
            }
        }
        var data = parser.Finish(options.Name ?? Path.GetFileName(source));
        progress?.Report(new StageProgress(StageNames.Import, length, length, new Dictionary<string, double> { [MetricNames.Ratings] = data.Count }));
        return data;
    }

    /// <summary>The first line that is not blank, and its number; null when there is none.</summary>
    private static (string Line, long Number)? FirstLine(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 12, leaveOpen: true);
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                return (line.TrimStart('\uFEFF'), number);
            }
        }
        return null;
    }

    /// <summary>What <paramref name="value"/> looks like in a message.</summary>
    internal static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
