using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Cli;

internal static class StatsCommand
{
    public static readonly CommandSpec Spec = new("stats", "a ratings file's size, density, rating histogram and popularity concentration",
        ["FILE"], [CommonOptions.Json, SideInfoArguments.UsersFile, SideInfoArguments.ItemsFile, .. CommonOptions.Import], Run);

    public static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var path = line.Positional(0, "the ratings FILE");
        var json = line.OutputPath(JsonOutput.Option);
        var data = ImportArguments.Load(line, path, stderr);
        var stats = DatasetStats.Compute(data);
        if (SideInfoArguments.Load(line, data) is { } attributes)
        {
            stats = stats with { Groups = UserAttributesFile.Breakdowns(data, attributes) };
        }
        if (SideInfoArguments.LoadItems(line, data) is { } itemGroups)
        {
            stats = stats with { ItemGroups = itemGroups };
        }
        var human = JsonOutput.HumanOutput(json, stdout, stderr);
        Print(human, data.Name, stats);
        foreach (var breakdown in stats.Groups ?? [])
        {
            Print(human, breakdown.Attribute, "users", breakdown.Groups);
        }
        foreach (var breakdown in stats.ItemGroups ?? [])
        {
            Print(human, breakdown.Attribute, "items", breakdown.Groups);
        }
        if (json is not null)
        {
            JsonOutput.Write(json, stats, stdout);
        }
        return GanrsCli.Ok;
    }

    public static void Print(TextWriter stdout, string attribute, string members, IEnumerable<IGroupFigures> groups)
    {
        stdout.WriteLine($"{members} by {attribute}");
        foreach (var group in groups)
        {
            var histogram = string.Join(" ", group.RatingShares.Select(r => $"{r.Key}:{r.Value:P0}"));
            stdout.WriteLine($"  {group.Value,-14} {group.Members,8:N0} {members} {group.Share,7:P1} {group.Ratings,12:N0} ratings  {histogram}");
        }
    }

    public static void Print(TextWriter stdout, string name, DatasetStats stats)
    {
        stdout.WriteLine($"dataset      {name}");
        stdout.WriteLine($"users        {stats.Users,12:N0}");
        stdout.WriteLine($"items        {stats.Items,12:N0}");
        stdout.WriteLine($"ratings      {stats.Ratings,12:N0}");
        stdout.WriteLine($"density      {stats.Density,12:P3}");
        stdout.WriteLine($"mean rating  {stats.Mean,12:F3}   (scale {stats.Scale})");
        stdout.WriteLine($"gini users   {stats.GiniUsers,12:F3}");
        stdout.WriteLine($"gini items   {stats.GiniItems,12:F3}");
        stdout.WriteLine("histogram");
        var largest = Math.Max(1, stats.Histogram.Values.Max());
        foreach (var (rating, count) in stats.Histogram)
        {
            var share = stats.Ratings == 0 ? 0 : (double)count / stats.Ratings;
            stdout.WriteLine($"  {rating,3} {count,10:N0} {share,7:P1} {new string('#', (int)Math.Round(30.0 * count / largest))}");
        }
    }
}
