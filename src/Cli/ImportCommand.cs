using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

internal static class ImportCommand
{
    public static readonly CommandSpec Spec = new("import", "validate a ratings file and store it in the compact binary form every command reads",
        ["FILE"], [new("out", "the dataset file to write (DATASET.grsd)"), .. CommonOptions.Import], Run);

    /// <summary>Validates a ratings file and stores it in the compact binary form, which every command also reads.</summary>
    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var path = line.Positional(0, "the ratings FILE");
        var output = line.OutputPath("out") ?? throw new UsageException("--out DATASET.grsd is required");
        var data = ImportArguments.Load(line, path, stderr);
        DatasetFile.Save(data, output);
        stdout.WriteLine($"wrote {output}: {data.UserCount:N0} users, {data.ItemCount:N0} items, {data.Count:N0} ratings, scale {data.Scale} ({new FileInfo(output).Length:N0} bytes)");
        return GanrsCli.Ok;
    }
}
