using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

internal static class ExportCommand
{
    public static readonly CommandSpec Spec = new("export", "write a dataset (source or synthetic) as CSV, a RecBole .inter file or Parquet",
        ["FILE"],
        [
            OptionSpec.Of("to", $"the format to write: {NamedValues.Listed<ExportFormat>()}", ExportFormat.Csv.Name()),
            new("out", "the file to write (its extension is not changed)"),
            .. CommonOptions.Import,
        ],
        Run);

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var path = line.Positional(0, "the ratings FILE");
        var formatText = line.String("to")!;
        if (!NamedValues.TryParse<ExportFormat>(formatText, out var format))
        {
            throw new UsageException($"--to: unknown format '{formatText}' ({NamedValues.Listed<ExportFormat>()})");
        }
        var output = line.OutputPath("out") ?? throw new UsageException($"--out FILE{format.Extension()} is required");
        var data = ImportArguments.Load(line, path, stderr);
        DatasetExport.Save(data, format, output);
        stdout.WriteLine($"wrote {output}: {data.Count:N0} ratings of {data.UserCount:N0} users and {data.ItemCount:N0} items as {format.Name()} ({new FileInfo(output).Length:N0} bytes)");
        return GanrsCli.Ok;
    }
}
