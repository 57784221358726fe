using System.Globalization;
using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Models;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Packaging;

public sealed partial class PackagedModel
{
    /// <summary>Predicts for the rows of a table, its columns matched by name (extra columns and the label are ignored).</summary>
    /// <exception cref="ArgumentException">A feature column is missing; the message names it.</exception>
    public ModelPredictions Predict(DataTable data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Score(Features(data.FeatureNames, data.RowCount, data.Row, null, TaskKind.Regression));
    }

    /// <summary>Predicts for rows given as column name → value (extra columns are ignored; NaN is a missing value).</summary>
    /// <exception cref="ArgumentException">A row lacks a feature column; the message names the row and the column.</exception>
    public ModelPredictions Predict(IReadOnlyList<IReadOnlyDictionary<string, double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var features = new double[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            features[r] = new double[FeatureColumns.Count];
            for (var c = 0; c < FeatureColumns.Count; c++)
            {
                if (!rows[r].TryGetValue(FeatureColumns[c], out features[r][c]))
                    throw new ArgumentException($"Row {r}: column '{FeatureColumns[c]}' is missing; the model needs {string.Join(", ", FeatureColumns)}.", nameof(rows));
            }
        }

        return Score(new DataTable(FeatureSchema(), TaskKind.Regression, features, new double[rows.Count]));
    }

    /// <summary>Predicts for an input example's rows (e.g. the saved one): numeric cells by column name, null as missing.</summary>
    /// <exception cref="ArgumentException">A feature column is missing or a cell is not a number.</exception>
    public ModelPredictions Predict(InputExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        example.Validate();
        var rows = example.Rows.Select((row, r) => (IReadOnlyDictionary<string, double>)example.Columns
            .Select((name, c) => (name, value: Number(row[c], r, name)))
            .ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal)).ToArray();
        return Predict(rows);
    }

    private ModelPredictions Score(DataTable features)
    {
        var (predicted, probabilities) = ModelScoring.Score(Transformer, features, Task);
        if (Task == TaskKind.Regression) return new ModelPredictions(Task, [], predicted, null);
        var values = predicted.Select((index, row) => index >= 0 && index < ClassValues.Count
            ? ClassValues[(int)index]
            : throw new InvalidOperationException($"Row {row}: the model predicted no class (a missing input value?).")).ToArray();
        return new ModelPredictions(Task, ClassValues, values, probabilities);
    }

    // A table of just the model's features, in its order, all Single to ML.NET as in training.
    private DataTable Features(IReadOnlyList<string> names, int rowCount, Func<int, IReadOnlyList<double>> row, IReadOnlyList<double>? labels, TaskKind task)
    {
        var index = FeatureColumns.Select(f =>
        {
            for (var i = 0; i < names.Count; i++)
                if (names[i] == f) return i;
            throw new ArgumentException($"Column '{f}' is missing; the model needs {string.Join(", ", FeatureColumns)}.");
        }).ToArray();
        var features = new double[rowCount][];
        for (var r = 0; r < rowCount; r++)
        {
            var source = row(r);
            features[r] = index.Select(i => source[i]).ToArray();
        }

        return new DataTable(FeatureSchema(), task, features, labels?.ToArray() ?? new double[rowCount]);
    }

    private DataSchema FeatureSchema() => new(
        FeatureColumns.Select(f => new DataColumn(f, DataColumn.DoubleType)).Append(new DataColumn(Flavor.LabelColumn, DataColumn.DoubleType)).ToArray(),
        Flavor.LabelColumn);

    private static double Number(object? cell, int row, string column) => cell switch
    {
        null => double.NaN,
        JsonElement { ValueKind: JsonValueKind.Null } => double.NaN,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        sbyte or short or int or long or byte or ushort or uint or ulong or float or double or decimal => Convert.ToDouble(cell, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Row {row}, column '{column}': {InputValue.From(cell).Describe()} is not a number."),
    };
}
