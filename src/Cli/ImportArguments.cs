using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

/// <summary>The options every command that reads a ratings file shares.</summary>
internal static class ImportArguments
{
    /// <summary>Files this large show the import's progress on <c>stderr</c>; smaller ones read in a blink.</summary>
    private const long ProgressFrom = 16 << 20;

    public static RatingsDataset Load(CommandLine line, string path, TextWriter stderr)
    {
        var formatText = line.String("format");
        if (!RatingsFileFormats.TryParse(formatText, out var format))
        {
            throw new UsageException($"--format: unknown format '{formatText}' ({RatingsFileFormats.Names})");
        }
        RatingScale? scale = null;
        if (line.String("scale") is { } scaleText)
        {
            scale = RatingScale.TryParse(scaleText, out var parsed, out var error) ? parsed : throw new UsageException($"--scale: '{scaleText}' {error}");
        }
        var isImplicit = line.Flag("implicit");
        if (isImplicit && scale is not null)
        {
            throw new UsageException("--implicit and --scale contradict each other: implicit feedback has no rating scale");
        }
        var duplicates = DuplicatePolicy.Reject;
        if (line.String("duplicates") is { } policy && !NamedValues.TryParse(policy, out duplicates))
        {
            throw new UsageException($"--duplicates: unknown policy '{policy}' ({NamedValues.Listed<DuplicatePolicy>()})");
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"no such file: {path}");
        }
        // A dataset already imported (ganrs import) loads without parsing.
        if (DatasetFile.IsDatasetFile(path))
        {
            return DatasetFile.Load(path);
        }
        var options = new ImportOptions { Format = format, Scale = scale, Implicit = isImplicit, Duplicates = duplicates };
        if (DatasetExport.IsParquet(path))
        {
            return DatasetExport.ReadParquet(path, options);
        }
        using var console = new FileInfo(path).Length >= ProgressFrom ? new ConsoleProgress(stderr) : null;
        return RatingsImporter.ImportFile(path, options, console?.Stages());
    }
}
