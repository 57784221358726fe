using System.Text.Json;

namespace Pipeline.Serving.Protocol;

/// <summary>Reads pandas' <c>split</c> and <c>records</c> orientations (MLflow's <c>dataframe_from_parsed_json</c>).</summary>
internal static class DataFrameJsonReader
{
    /// <summary><c>{"columns": [...], "data": [[...], ...], "index": [...]}</c>; <c>data</c> required, every row as long as <c>columns</c>.</summary>
    public static RawTable ReadSplit(JsonElement split)
    {
        if (split.ValueKind != JsonValueKind.Object)
        {
            var got = split.ValueKind == JsonValueKind.Array ? "list" : $"type {PythonRepr.TypeOf(split)}";
            throw ScoringException.InvalidInput($"Dataframe split format must be a dictionary. Got {got}.");
        }

        var keys = split.EnumerateObject().Select(p => p.Name).ToList();
        if (!keys.Contains("data") || keys.Any(k => k is not ("columns" or "data" or "index")))
        {
            throw ScoringException.InvalidInput(
                "Dataframe split format must have 'data' field and optionally 'columns' and 'index' fields. " +
                $"Got {{{string.Join(", ", keys.Select(k => $"'{k}'"))}}}.");
        }

        var data = split.GetProperty("data");
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw NotSplit($"'data' must be a list of rows, got {PythonRepr.TypeOf(data)}");
        }

        // pandas.DataFrame(columns=None, index=None) takes the defaults, so an explicit null is the same as absent.
        var names = split.TryGetProperty("columns", out var columns) && columns.ValueKind != JsonValueKind.Null
            ? ReadColumnNames(columns)
            : null;
        var rowCount = data.GetArrayLength();
        if (split.TryGetProperty("index", out var index) && index.ValueKind != JsonValueKind.Null
            && (index.ValueKind != JsonValueKind.Array || index.GetArrayLength() != rowCount))
        {
            throw NotSplit($"'index' must be a list with one entry per row ({rowCount})");
        }

        var width = names?.Count ?? (rowCount > 0 ? RowLength(data[0], 0) : 0);
        var cells = new JsonElement[width][];
        for (var c = 0; c < width; c++)
        {
            cells[c] = new JsonElement[rowCount];
        }

        var r = 0;
        foreach (var row in data.EnumerateArray())
        {
            var length = RowLength(row, r);
            if (length != width)
            {
                throw NotSplit($"row {r} has {length} values but there are {width} columns");
            }

            var c = 0;
            foreach (var cell in row.EnumerateArray())
            {
                cells[c++][r] = cell;
            }

            r++;
        }

        var table = new RawTable(rowCount);
        for (var c = 0; c < width; c++)
        {
            var name = names?[c] ?? c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!table.TryAdd(name, RawColumn.FromJson(cells[c])))
            {
                throw NotSplit($"column '{name}' appears more than once");
            }
        }

        return table;
    }

    /// <summary><c>[{"a": 1, "b": 2}, ...]</c>; a key missing from a record is a null cell.</summary>
    public static RawTable ReadRecords(JsonElement records)
    {
        if (records.ValueKind != JsonValueKind.Array)
        {
            var got = records.ValueKind == JsonValueKind.Object ? "dictionary" : $"type {PythonRepr.TypeOf(records)}";
            throw ScoringException.InvalidInput($"Dataframe records format must be a list of records. Got {got}.");
        }

        var rowCount = records.GetArrayLength();
        var columns = new Dictionary<string, JsonElement[]>(StringComparer.Ordinal);
        var order = new List<string>();
        var r = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw ScoringException.InvalidInput(
                    "Provided dataframe_records field is not a valid dataframe representation in 'records' format. " +
                    $"Error: 'record {r} is {PythonRepr.TypeOf(record)}, not a dictionary'");
            }

            foreach (var property in record.EnumerateObject())
            {
                if (!columns.TryGetValue(property.Name, out var cells))
                {
                    columns[property.Name] = cells = new JsonElement[rowCount];
                    order.Add(property.Name);
                }

                cells[r] = property.Value;
            }

            r++;
        }

        var table = new RawTable(rowCount);
        foreach (var name in order)
        {
            table.TryAdd(name, RawColumn.FromJson(columns[name]));
        }

        return table;
    }

    private static List<string> ReadColumnNames(JsonElement columns)
    {
        if (columns.ValueKind != JsonValueKind.Array)
        {
            throw NotSplit($"'columns' must be a list of names, got {PythonRepr.TypeOf(columns)}");
        }

        var names = new List<string>();
        foreach (var column in columns.EnumerateArray())
        {
            names.Add(column.ValueKind switch
            {
                JsonValueKind.String => column.GetString()!,
                JsonValueKind.Number => column.GetRawText(),
                _ => throw NotSplit($"column name {names.Count} is {PythonRepr.TypeOf(column)}, not a string"),
            });
        }

        return names;
    }

    private static int RowLength(JsonElement row, int index) => row.ValueKind == JsonValueKind.Array
        ? row.GetArrayLength()
        : throw NotSplit($"row {index} is {PythonRepr.TypeOf(row)}, not a list");

    private static ScoringException NotSplit(string error) => ScoringException.InvalidInput(
        $"Provided dataframe_split field is not a valid dataframe representation in 'split' format. Error: '{error}'");
}
