namespace GanRsSandbox.Cli.Tests;

/// <summary>The argument errors of <c>ganrs reproduce</c>; the grid itself is tested on tiny plans in the engine's tests.</summary>
public sealed class ReproduceCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ganrs-reproduce-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Code, string Err) Run(params string[] args)
    {
        var stderr = new StringWriter();
        var code = GanrsCli.Run(args, new StringWriter(), stderr);
        return (code, stderr.ToString());
    }

    [Fact]
    public void The_source_and_the_output_folder_are_required()
    {
        var source = Path.Combine(_folder, "u.data");
        File.WriteAllText(source, "1\t1\t5\t0\n");
        var noSource = Run("reproduce", "--out", _folder);
        Assert.Equal(GanrsCli.BadArguments, noSource.Code);
        Assert.Contains("--source FILE is required", noSource.Err);
        var noOut = Run("reproduce", "--source", source);
        Assert.Equal(GanrsCli.BadArguments, noOut.Code);
        Assert.Contains("--out DIR is required", noOut.Err);
        var missing = Run("reproduce", "--source", source, "--out", Path.Combine(_folder, "no", "such", "dir"));
        Assert.Equal(GanrsCli.BadArguments, missing.Code);
        Assert.Contains("does not exist", missing.Err);
    }

    [Fact]
    public void Bad_options_are_named_before_any_work()
    {
        var source = Path.Combine(_folder, "u.data");
        File.WriteAllText(source, "1\t1\t5\t0\n");
        var variant = Run("reproduce", "--source", source, "--out", Path.Combine(_folder, "r"), "--variant", "best");
        Assert.Equal(GanrsCli.BadArguments, variant.Code);
        Assert.Contains("--variant: unknown variant 'best'", variant.Err);
        var unknown = Run("reproduce", "--source", source, "--out", Path.Combine(_folder, "r"), "--fast");
        Assert.Equal(GanrsCli.BadArguments, unknown.Code);
        // A scenario needs the matched pipeline, and a cap the grid's datasets can honour.
        var scenario = Run("reproduce", "--source", source, "--out", Path.Combine(_folder, "r"), "--variant", "stable", "--cold-users", "0.3:5");
        Assert.Equal(GanrsCli.BadArguments, scenario.Code);
        Assert.Contains("--cold-users", scenario.Err);
        var cap = Run("reproduce", "--source", source, "--out", Path.Combine(_folder, "r"), "--quick", "--cold-users", "0.3:4000");
        Assert.Equal(GanrsCli.BadArguments, cap.Code);
        Assert.Contains("--cold-users", cap.Err);
        Assert.False(Directory.Exists(Path.Combine(_folder, "r")));
    }

    [Fact]
    public void A_bad_source_file_is_bad_data()
    {
        var source = Path.Combine(_folder, "bad.data");
        File.WriteAllText(source, "1\t1\tfive\t0\n");
        var result = Run("reproduce", "--source", source, "--out", Path.Combine(_folder, "r"), "--quick");
        Assert.Equal(GanrsCli.BadData, result.Code);
        Assert.Contains("bad.data:1", result.Err);
    }
}
