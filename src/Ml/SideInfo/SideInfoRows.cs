using System.Text;
using GanRsSandbox.Ml.Data;

namespace GanRsSandbox.Ml.SideInfo;

/// <summary>
/// What reading a users file and an items file share: the layout is told by the first line, every row names a member
/// by its original id, no member has two rows and every member of the dataset has one, and each error names the file,
/// line and field. The two differ only in their layouts and in rows for unknown ids (a users file may name only rated
/// users; an items file is a whole catalogue, so its unrated items are skipped).
/// </summary>
internal static class SideInfoRows
{
    /// <summary>A file's layout: its attribute names, how a line splits into the id and one field per attribute, and whether the first line is a header.</summary>
    public sealed record Layout(string[] Names, Func<string, long, string[]> Split, bool Header);

    /// <param name="noun">"user" or "item", as the messages name a member.</param>
    /// <param name="layoutOf">The layout the first non-empty line tells.</param>
    /// <returns>The attribute names and, for every member (as <paramref name="ids"/> orders them), its trimmed fields, one per attribute.</returns>
    public static (string[] Names, string[][] Fields) Read(TextReader reader, string file, IReadOnlyList<string> ids, string noun,
        bool skipUnknown, int maxAttributes, int maxValueLength, Func<string, Layout> layoutOf)
    {
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var m = 0; m < ids.Count; m++)
        {
            index[ids[m]] = m;
        }
        Layout? layout = null;
        var fieldsOf = new string[ids.Count][];
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            if (layout is null)
            {
                layout = layoutOf(text);
                if (layout.Names.Length == 0 || layout.Names.Length > maxAttributes)
                {
                    throw new DataFormatException(file, line, null,
                        $"a {noun}s file needs 1 to {maxAttributes} attribute columns after the {noun} id; this one has {layout.Names.Length}");
                }
                if (layout.Header)
                {
                    continue;
                }
            }
            var fields = layout.Split(text, line);
            if (fields.Length != layout.Names.Length + 1)
            {
                throw new DataFormatException(file, line, null,
                    $"expected {layout.Names.Length + 1} fields ({noun}, {string.Join(", ", layout.Names)}), found {fields.Length}");
            }
            var id = fields[0].Trim();
            if (!index.TryGetValue(id, out var member))
            {
                if (skipUnknown)
                {
                    continue;
                }
                throw new DataFormatException(file, line, noun, $"{noun} '{Shorten(id)}' has no ratings in the dataset");
            }
            if (fieldsOf[member] is not null)
            {
                throw new DataFormatException(file, line, noun, $"{noun} '{Shorten(id)}' has a second row");
            }
            var values = new string[layout.Names.Length];
            for (var a = 0; a < values.Length; a++)
            {
                values[a] = fields[a + 1].Trim();
                if (values[a].Length > maxValueLength)
                {
                    throw new DataFormatException(file, line, layout.Names[a], $"a value may have at most {maxValueLength} characters");
                }
            }
            fieldsOf[member] = values;
        }
        if (layout is null)
        {
            throw new DataFormatException(file, 0, null, $"the {noun}s file is empty");
        }
        var missing = Array.IndexOf(fieldsOf, null);
        if (missing >= 0)
        {
            throw new DataFormatException(file, 0, noun,
                $"{fieldsOf.Count(f => f is null):N0} {noun}(s) of the dataset have no row, the first '{Shorten(ids[missing])}'");
        }
        return (layout.Names, fieldsOf);
    }

    /// <summary>A CSV layout from its header line, the id first and then distinct attribute names.</summary>
    public static Layout Csv(string headerLine, string file, string noun)
    {
        var header = CsvFields(headerLine).Select(h => h.Trim()).ToArray();
        if (header.Skip(1).Any(string.IsNullOrEmpty) || header.Skip(1).Distinct(StringComparer.Ordinal).Count() != header.Length - 1)
        {
            throw new DataFormatException(file, 1, null, $"a CSV {noun}s file needs a header of distinct column names, the {noun} id first");
        }
        return new Layout(header[1..], (text, _) => CsvFields(text), true);
    }

    /// <summary>One CSV line's fields: a field in double quotes may hold commas, and "" is a quote inside it (as <see cref="DatasetExport.CsvField"/> writes them).</summary>
    public static string[] CsvFields(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
