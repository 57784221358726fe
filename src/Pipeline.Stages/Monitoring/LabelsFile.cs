using System.Globalization;
using Pipeline.Ml.Data;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Reads a labels CSV: a header, then one line per labelled row. The request id column (<c>request_id</c> by default) names
/// the request; a <c>row</c> column, when present, the row within it; without one, the n-th line of a request id labels its
/// row n (the order the rows were sent in). The label column is named, or else the one column left besides those two.
/// Lines with an empty label are skipped and counted: a label that has not arrived yet.
/// </summary>
public static class LabelsFile
{
    /// <summary>The row column read when the file has one.</summary>
    public const string RowColumn = "row";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">A missing column, a bad row index or field, naming the file and line.</exception>
    public static (IReadOnlyList<LabelRow> Rows, int EmptyLabels) Read(string path, string idColumn, string? labelColumn)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new DataFormatException("the labels file is empty: expected a header line", path, 1);
        var columns = CsvFieldReader.Split(header.TrimStart('\uFEFF'), ',', path, 1);
        var id = Index(columns, idColumn, path, "--id-column");
        var row = columns.IndexOf(RowColumn);
        int label;
        if (labelColumn is not null)
            label = Index(columns, labelColumn, path, "--label-column");
        else
        {
            var rest = Enumerable.Range(0, columns.Count).Where(i => i != id && i != row).ToList();
            if (rest.Count != 1)
                throw new DataFormatException(
                    $"cannot tell the label column among {string.Join(", ", rest.Select(i => $"'{columns[i]}'"))}: name it with --label-column", path, 1);
            label = rest[0];
        }

        var rows = new List<LabelRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var empty = 0;
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
                continue;
            var fields = CsvFieldReader.Split(line, ',', path, number);
            if (fields.Count != columns.Count)
                throw new DataFormatException($"expected {columns.Count} fields, found {fields.Count}", path, number);
            var requestId = fields[id];
            if (requestId.Length == 0)
                throw new DataFormatException("empty request id", path, number, columns[id]);
            var order = seen.GetValueOrDefault(requestId);
            seen[requestId] = order + 1;
            var index = order;
            if (row >= 0 && !(int.TryParse(fields[row], NumberStyles.None, CultureInfo.InvariantCulture, out index)))
                throw new DataFormatException($"'{fields[row]}' is not a row index (0, 1, ...)", path, number, RowColumn);
            if (fields[label].Length == 0)
            {
                empty++;
                continue;
            }

            rows.Add(new LabelRow(requestId, index, LabelValue.Canonical(fields[label]), number));
        }

        return (rows, empty);
    }

    private static int Index(List<string> columns, string name, string path, string option)
    {
        var index = columns.IndexOf(name);
        return index >= 0
            ? index
            : throw new DataFormatException($"no column '{name}' (columns: {string.Join(", ", columns)}); name another with {option}", path, 1);
    }
}
