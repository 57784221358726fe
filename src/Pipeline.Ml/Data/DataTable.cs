namespace Pipeline.Ml.Data;

/// <summary>
/// An immutable in-memory numeric table: feature rows, a label per row, the task and, for
/// classification, the sorted distinct class values. Rows keep their file order.
/// </summary>
public sealed class DataTable
{
    private readonly double[][] _features;
    private readonly double[] _labels;

    /// <summary>Creates a table; arrays are taken as they are (callers must not change them afterwards).</summary>
    /// <exception cref="ArgumentException">Row widths or the label count do not match the schema.</exception>
    public DataTable(DataSchema schema, TaskKind task, double[][] features, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(schema);
        FeatureNames = schema.Features.Select(c => c.Name).ToArray();
        if (features.Length != labels.Length)
            throw new ArgumentException($"{features.Length} feature rows but {labels.Length} labels.");
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i].Length != FeatureNames.Count)
                throw new ArgumentException($"Row {i} has {features[i].Length} features; the schema has {FeatureNames.Count}.");
        }

        Schema = schema;
        Task = task;
        _features = features;
        _labels = labels;
        ClassValues = task == TaskKind.Regression ? [] : labels.Distinct().Order().ToArray();
    }

    /// <summary>The inferred schema (all columns in file order).</summary>
    public DataSchema Schema { get; }

    /// <summary>The task the table was loaded for.</summary>
    public TaskKind Task { get; }

    /// <summary>The feature column names in file order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The label column name.</summary>
    public string LabelName => Schema.LabelColumn;

    /// <summary>The number of rows.</summary>
    public int RowCount => _labels.Length;

    /// <summary>Sorted distinct label values (classification); empty for regression.</summary>
    public IReadOnlyList<double> ClassValues { get; }

    /// <summary>The features of one row, in <see cref="FeatureNames"/> order.</summary>
    public IReadOnlyList<double> Row(int index) => _features[index];

    /// <summary>The label of one row.</summary>
    public double Label(int index) => _labels[index];

    /// <summary>All labels in row order.</summary>
    public IReadOnlyList<double> Labels => _labels;

    /// <summary>The class index (position in <see cref="ClassValues"/>) of each row's label.</summary>
    public int[] ClassIndices()
    {
        if (Task == TaskKind.Regression) throw new InvalidOperationException("A regression table has no classes.");
        var index = ClassValues.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        return _labels.Select(l => index[l]).ToArray();
    }

    /// <summary>
    /// A new table with the given rows, in the order given. The task and schema are kept; class values
    /// are those present in the subset.
    /// </summary>
    public DataTable Subset(IReadOnlyList<int> rows)
    {
        var features = new double[rows.Count][];
        var labels = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            features[i] = _features[rows[i]];
            labels[i] = _labels[rows[i]];
        }

        return new DataTable(Schema, Task, features, labels);
    }
}
