using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.SideInfo;

namespace GanRsSandbox.Cli;

/// <summary>The users file several commands read (<c>--users-file</c>), joined to the ratings by original id.</summary>
internal static class SideInfoArguments
{
    public static readonly OptionSpec UsersFile = new("users-file",
        "side information about the users (u.user, users.dat, or a CSV with a header, the user id first), joined by original id");

    public static readonly OptionSpec ItemsFile = new("items-file",
        "side information about the items (u.item genres, movies.dat, or a CSV with a header, the item id first; | separates labels), joined by original id");

    /// <summary>The items broken down by their categorical attributes, or null when no file was given.</summary>
    public static IReadOnlyList<ItemGroupBreakdown>? LoadItems(CommandLine line, RatingsDataset data) =>
        line.InputFile(ItemsFile.Name) is { } path ? ItemAttributesFile.Read(path, data) : null;

    /// <summary>The users' attributes, or null when no file was given; a missing file is a usage error, a bad one a data error.</summary>
    public static UserAttributes? Load(CommandLine line, RatingsDataset data) =>
        line.InputFile(UsersFile.Name) is { } path ? UserAttributesFile.Read(path, data) : null;

    /// <summary>The users split by <paramref name="attribute"/>, which needs the users file.</summary>
    public static UserGrouping Grouping(UserAttributes? attributes, string attribute, string option)
    {
        if (attributes is null)
        {
            throw new UsageException($"--{option} {attribute}: needs --users-file, which holds the users' attributes");
        }
        try
        {
            return attributes.Grouping(attribute);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--{option}: {e.Message}");
        }
    }
}
