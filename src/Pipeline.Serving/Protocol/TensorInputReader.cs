using System.Globalization;
using System.Text.Json;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Reads TF-serving style payloads (<c>instances</c>, <c>inputs</c>) into a table as MLflow does for a
/// column-based signature: a list of records, a dictionary of column lists (or of scalars: one row), a list of
/// values for a single-column signature, or lists of lists (positional columns "0", "1", ...).
/// </summary>
internal static class TensorInputReader
{
    private const string SameLength = "The length of values for each input/column name are not the same";

    /// <summary><c>instances</c>: a list of records is turned into columns key by key, which must end equally long.</summary>
    public static RawTable ReadInstances(JsonElement data, ScoringSchema schema)
    {
        if (data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0 && data[0].ValueKind == JsonValueKind.Object)
        {
            var columns = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
            var order = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in data.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw ScoringException.InvalidInput($"Every instance must be a dictionary when the first one is; found {PythonRepr.TypeOf(item)}.");
                }

                seen.Clear();
                foreach (var property in item.EnumerateObject())
                {
                    if (!columns.TryGetValue(property.Name, out var cells))
                    {
                        columns[property.Name] = cells = [];
                        order.Add(property.Name);
                    }

                    // A key repeated within one instance: the last value wins, as in Python's json.loads.
                    if (seen.Add(property.Name))
                    {
                        cells.Add(property.Value);
                    }
                    else
                    {
                        cells[^1] = property.Value;
                    }
                }
            }

            var rowCount = order.Count == 0 ? 0 : columns[order[0]].Count;
            if (order.Any(name => columns[name].Count != rowCount))
            {
                throw ScoringException.InvalidInput(SameLength);
            }

            var table = new RawTable(rowCount);
            order.ForEach(name => table.TryAdd(name, RawColumn.FromJson([.. columns[name]])));
            return table;
        }

        return ReadValue(data, schema);
    }

    /// <summary><c>inputs</c>: a list of records keeps records semantics (a missing key is a null cell).</summary>
    public static RawTable ReadInputs(JsonElement data, ScoringSchema schema)
    {
        if (data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0
            && data.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Object))
        {
            return DataFrameJsonReader.ReadRecords(data);
        }

        return ReadValue(data, schema);
    }

    private static RawTable ReadValue(JsonElement data, ScoringSchema schema) => data.ValueKind switch
    {
        JsonValueKind.Object => ReadColumnar(data),
        JsonValueKind.Array => ReadList(data, schema),
        _ => Single(schema, [data]),
    };

    private static RawTable ReadColumnar(JsonElement data)
    {
        // A repeated key keeps its first position and its last value, as a Python dict built by json.loads.
        var properties = data.EnumerateObject()
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(group => group.Last())
            .ToList();
        var arrays = properties.Count(p => p.Value.ValueKind == JsonValueKind.Array);
        if (arrays != 0 && arrays != properties.Count)
        {
            throw ScoringException.InvalidInput(
                "Failed to build a DataFrame from the input dictionary: give every column a list of values, or every column a single value.");
        }

        var rowCount = arrays == 0 ? (properties.Count == 0 ? 0 : 1) : properties[0].Value.GetArrayLength();
        var table = new RawTable(rowCount);
        foreach (var property in properties)
        {
            JsonElement[] cells = arrays == 0 ? [property.Value] : [.. property.Value.EnumerateArray()];
            if (cells.Length != rowCount)
            {
                throw ScoringException.InvalidInput(
                    "This model contains a column-based signature, which suggests a DataFrame input. There was an error " +
                    $"casting the input data to a DataFrame: All arrays must be of the same length ('{properties[0].Name}' has " +
                    $"{rowCount}, '{property.Name}' has {cells.Length})");
            }

            table.TryAdd(property.Name, RawColumn.FromJson(cells));
        }

        return table;
    }

    private static RawTable ReadList(JsonElement data, ScoringSchema schema)
    {
        var items = data.EnumerateArray().ToArray();
        if (items.Any(item => item.ValueKind == JsonValueKind.Object))
        {
            throw ScoringException.InvalidInput("A list input must hold either only dictionaries (records) or no dictionaries.");
        }

        var nested = items.Count(item => item.ValueKind == JsonValueKind.Array);
        if (nested == 0 || (schema.Columns.Count == 1 && nested != items.Length))
        {
            return Single(schema, items);
        }

        if (nested != items.Length)
        {
            throw ScoringException.InvalidInput("A list input must hold either only lists (rows) or only values.");
        }

        // Rows of positional values: numpy makes an unnamed 2-D array, so the columns are named by position.
        var width = items.Length == 0 ? 0 : items[0].GetArrayLength();
        var cells = Enumerable.Range(0, width).Select(_ => new JsonElement[items.Length]).ToArray();
        for (var r = 0; r < items.Length; r++)
        {
            if (items[r].GetArrayLength() != width)
            {
                throw ScoringException.InvalidInput($"{SameLength}: row {r} has {items[r].GetArrayLength()} values, row 0 has {width}.");
            }

            var c = 0;
            foreach (var cell in items[r].EnumerateArray())
            {
                cells[c++][r] = cell;
            }
        }

        var table = new RawTable(items.Length);
        for (var c = 0; c < width; c++)
        {
            table.TryAdd(c.ToString(CultureInfo.InvariantCulture), RawColumn.FromJson(cells[c]));
        }

        return table;
    }

    /// <summary>Values for one column: the signature's only column, else the unnamed column "0".</summary>
    private static RawTable Single(ScoringSchema schema, JsonElement[] cells)
    {
        var table = new RawTable(cells.Length);
        table.TryAdd(schema.Columns.Count == 1 ? schema.Columns[0].Name : "0", RawColumn.FromJson(cells));
        return table;
    }
}
