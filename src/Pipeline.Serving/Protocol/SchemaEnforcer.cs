using System.Text.Json;
using Pipeline.Serving.Batch;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// MLflow's <c>_enforce_schema</c> for named column signatures: columns are matched by name, extra columns are
/// dropped, a missing required column is an INVALID_PARAMETER_VALUE error naming it, and every cell must convert
/// losslessly (see <see cref="CellConverter"/>); a null in a required column is an error.
/// </summary>
internal static class SchemaEnforcer
{
    public static ScoringBatch Enforce(RawTable table, ScoringSchema schema)
    {
        var missing = schema.Columns.Where(c => c.Required && !table.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            var message = $"Model is missing inputs {PythonRepr.List(missing)}.";
            var extra = table.Names.Where(n => schema.IndexOf(n) < 0).ToList();
            if (extra.Count > 0)
            {
                message += $" Note that there were extra inputs: {PythonRepr.List(extra)}";
            }

            throw ScoringException.InvalidParameter($"Failed to enforce schema of data with schema '{schema}'. Error: {message}");
        }

        var columns = new List<ScoringColumn>(schema.Columns.Count);
        foreach (var spec in schema.Columns)
        {
            if (table.Contains(spec.Name))
            {
                columns.Add(Convert(table[spec.Name], table.RowCount, spec));
            }
        }

        return new ScoringBatch(schema, table.RowCount, columns);
    }

    private static ScoringColumn Convert(RawColumn raw, int rowCount, ScoringColumnSpec spec)
    {
        var values = Array.CreateInstance(ScoringColumn.ArrayTypeOf(spec.Type).GetElementType()!, rowCount);
        bool[]? nulls = null;
        for (var row = 0; row < rowCount; row++)
        {
            object? value;
            string? error;
            bool isNull;
            if (raw.Json is { } json)
            {
                isNull = json[row].ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
                error = null;
                value = null;
                if (!isNull && !CellConverter.TryConvert(json[row], spec.Type, out value, out error))
                {
                    throw Failed(spec, row, error!);
                }
            }
            else
            {
                var text = raw.Text![row];
                isNull = text is null;
                value = null;
                if (!isNull && !CellConverter.TryConvert(text!, spec.Type, out value, out error))
                {
                    throw Failed(spec, row, error!);
                }
            }

            if (isNull)
            {
                if (spec.Required)
                {
                    throw Failed(spec, row, "missing value (null) in a required column");
                }

                (nulls ??= new bool[rowCount])[row] = true;
                continue;
            }

            values.SetValue(value, row);
        }

        return new ScoringColumn(spec, values, nulls);
    }

    private static ScoringException Failed(ScoringColumnSpec spec, int row, string error) => ScoringException.InvalidInput(
        "Data is not compatible with model signature. " +
        $"Failed to convert column {spec.Name} to type '{spec.Type.ToNumpyName()}'. Error: 'row {row}: {error}'");
}
