using System.Globalization;
using System.Text;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Reads a <c>text/csv</c> request as pandas' <c>read_csv</c> does for what <c>DataFrame.to_csv()</c> writes:
/// a header row, comma separators, double-quoted fields with <c>""</c> escapes, blank lines skipped, an empty
/// field as a missing value, an empty header cell named <c>Unnamed: i</c> (the index column), repeated names
/// suffixed <c>.1</c>, <c>.2</c>. A row with another field count than the header is an error.
/// </summary>
internal static class CsvRequestParser
{
    public static RawTable Parse(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body.StartsWith("\uFEFF"u8) ? body[3..] : body);
        }
        catch (DecoderFallbackException ex)
        {
            throw Fail($"the body is not valid UTF-8 (byte {ex.Index})");
        }

        var rows = ReadRows(text);
        if (rows.Count == 0)
        {
            throw Fail("No columns to parse from file");
        }

        var header = rows[0].Fields;
        var columns = Enumerable.Range(0, header.Count).Select(_ => new string?[rows.Count - 1]).ToArray();
        for (var r = 1; r < rows.Count; r++)
        {
            var (line, fields) = rows[r];
            if (fields.Count != header.Count)
            {
                throw Fail($"Error tokenizing data. Expected {header.Count} fields in line {line}, saw {fields.Count}");
            }

            for (var c = 0; c < fields.Count; c++)
            {
                columns[c][r - 1] = fields[c];
            }
        }

        var table = new RawTable(rows.Count - 1);
        for (var c = 0; c < header.Count; c++)
        {
            var name = string.IsNullOrEmpty(header[c]) ? $"Unnamed: {c}" : header[c]!;
            var unique = name;
            for (var n = 1; table.Contains(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name}.{n}");
            }

            table.TryAdd(unique, RawColumn.FromText(columns[c]));
        }

        return table;
    }

    /// <summary>Non-blank records with the 1-based line each starts on; an empty unquoted field is null.</summary>
    private static List<(int Line, List<string?> Fields)> ReadRows(string text)
    {
        var rows = new List<(int, List<string?>)>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var line = 1;
        var rowLine = 1;
        var quoteLine = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var ch = i < text.Length ? text[i] : '\n';
            var atEnd = i == text.Length;
            if (quoted && !atEnd)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            if (quoted)
            {
                throw Fail($"Error tokenizing data. EOF inside string starting at line {quoteLine}");
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(Take(field, ref wasQuoted));
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(Take(field, ref wasQuoted));
                    if (fields.Count > 1 || fields[0] is not null)
                    {
                        rows.Add((rowLine, fields));
                    }

                    fields = [];
                    line += atEnd ? 0 : 1;
                    rowLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        return rows;
    }

    private static string? Take(StringBuilder field, ref bool wasQuoted)
    {
        var value = field.Length == 0 && !wasQuoted ? null : field.ToString();
        field.Clear();
        wasQuoted = false;
        return value;
    }

    private static ScoringException Fail(string error) => new(
        "Failed to parse input as a Pandas DataFrame. Ensure that the input is a valid CSV-formatted Pandas DataFrame " +
        $"produced using the `pandas.DataFrame.to_csv()` method. Error: '{error}'");
}
