using System.Globalization;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Cli;

/// <summary>Writes a synthetic dataset as <c>user,item,rating</c> with integer ids, atomically.</summary>
internal static class SyntheticCsv
{
    public static void Write(RatingsDataset data, string path)
    {
        ArtifactFile.Write(Path.GetFullPath(path), stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
            writer.NewLine = "\n";
            writer.WriteLine("user,item,rating");
            for (var i = 0; i < data.Count; i++)
            {
                writer.Write(data.UserIds[data.Users[i]]);
                writer.Write(',');
                writer.Write(data.ItemIds[data.Items[i]]);
                writer.Write(',');
                writer.WriteLine(data.Ratings[i].ToString(CultureInfo.InvariantCulture));
            }
        });
    }
}
