namespace Pipeline.Cli.Output;

/// <summary>RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; lines end with CRLF.</summary>
internal static class CsvText
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        WriteLine(output, headers);
        foreach (var row in rows)
        {
            WriteLine(output, row);
        }
    }

    private static void WriteLine(TextWriter output, IReadOnlyList<string> fields)
    {
        output.Write(string.Join(',', fields.Select(Field)));
        output.Write("\r\n");
    }

    internal static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
