using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

/// <summary>The options every command that reads a ratings file shares.</summary>
internal static class ImportArguments
{
    public static RatingsDataset Load(CommandLine line, string path)
    {
        var formatText = line.String("format");
        if (!RatingsFileFormats.TryParse(formatText, out var format))
        {
            throw new UsageException($"--format: unknown format '{formatText}' ({RatingsFileFormats.Names})");
        }
        RatingScale? scale = null;
        if (line.String("scale") is { } scaleText)
        {
            scale = RatingScale.TryParse(scaleText, out var parsed) ? parsed : throw new UsageException($"--scale: '{scaleText}' is not a scale such as 1..5");
        }
        var duplicates = line.String("duplicates") switch
        {
            null or "reject" => DuplicatePolicy.Reject,
            "first" => DuplicatePolicy.KeepFirst,
            "last" => DuplicatePolicy.KeepLast,
            var other => throw new UsageException($"--duplicates: unknown policy '{other}' (reject, first or last)"),
        };
        if (!File.Exists(path))
        {
            throw new UsageException($"no such file: {path}");
        }
        // A dataset already imported (ganrs import) loads without parsing.
        return DatasetFile.IsDatasetFile(path)
            ? DatasetFile.Load(path)
            : RatingsImporter.ImportFile(path, new ImportOptions { Format = format, Scale = scale, Duplicates = duplicates });
    }
}
