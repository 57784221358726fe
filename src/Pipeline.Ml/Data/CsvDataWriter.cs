using System.Globalization;

namespace Pipeline.Ml.Data;

/// <summary>
/// Writes a <see cref="DataTable"/> back to CSV: the header in schema order, integer columns as integers
/// and other numbers in their shortest round-trip form, so that loading the file gives the same table
/// (and the same <see cref="DatasetDigest"/>).
/// </summary>
public static class CsvDataWriter
{
    /// <summary>Writes the table to <paramref name="path"/>, creating its folder; an existing file is replaced.</summary>
    public static void Write(DataTable table, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(path);
        Write(table, writer);
    }

    /// <summary>Writes the table as CSV text, lines ending in <c>\n</c>.</summary>
    public static void Write(DataTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        writer.NewLine = "\n";
        var columns = table.Schema.Columns;
        writer.WriteLine(string.Join(",", columns.Select(c => Quote(c.Name))));
        var fields = new string[columns.Count];
        for (var r = 0; r < table.RowCount; r++)
        {
            var features = table.Row(r);
            for (int c = 0, f = 0; c < columns.Count; c++)
            {
                var value = columns[c].Name == table.LabelName ? table.Label(r) : features[f++];
                fields[c] = columns[c].IsInteger
                    ? ((long)value).ToString(CultureInfo.InvariantCulture)
                    : value.ToString("R", CultureInfo.InvariantCulture);
            }

            writer.WriteLine(string.Join(",", fields));
        }
    }

    private static string Quote(string name) =>
        name.IndexOfAny([',', '"', '\n', '\r']) < 0 && name.Trim() == name ? name : $"\"{name.Replace("\"", "\"\"")}\"";
}
