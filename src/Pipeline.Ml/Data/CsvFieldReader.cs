using System.Text;

namespace Pipeline.Ml.Data;

/// <summary>Splits CSV lines into fields (RFC 4180 quoting with <c>""</c> escapes; no multi-line fields).</summary>
public static class CsvFieldReader
{
    /// <summary>The fields of one line; a quoted field keeps its spaces, an unquoted one is trimmed.</summary>
    /// <exception cref="DataFormatException">An unterminated quoted field, naming <paramref name="source"/> and <paramref name="lineNumber"/>.</exception>
    public static List<string> Split(string line, char separator, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted) { quoted = true; wasQuoted = true; }
            else if (c == separator) { fields.Add(Finish(field, wasQuoted)); field.Clear(); wasQuoted = false; }
            else field.Append(c);
        }

        if (quoted)
            throw new DataFormatException($"unterminated quoted field (field {fields.Count + 1})", source, lineNumber);
        fields.Add(Finish(field, wasQuoted));
        return fields;
    }

    // Unquoted fields are trimmed like pandas trims numbers; quoted ones keep their spaces.
    private static string Finish(StringBuilder field, bool wasQuoted) =>
        wasQuoted ? field.ToString() : field.ToString().Trim();
}
