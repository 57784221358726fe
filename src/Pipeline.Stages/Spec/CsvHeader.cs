namespace Pipeline.Stages.Spec;

/// <summary>Reads only the header line of a CSV file, so validation stays cheap on large data.</summary>
internal static class CsvHeader
{
    /// <summary>The column names of the first line (quotes and surrounding spaces removed); empty for an empty file.</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var line = reader.ReadLine();
        return line is null ? [] : Split(line);
    }

    private static List<string> Split(string line)
    {
        var columns = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                // A doubled quote inside a quoted field is a literal quote (RFC 4180).
                if (quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                columns.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        columns.Add(current.ToString().Trim());
        return columns;
    }
}
