using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// A <see cref="DataTable"/> seen as an ML.NET <see cref="IDataView"/>: one <c>Single</c> column per feature
/// (named as in the file, so a saved model takes the same columns), and optionally the label: Boolean for
/// binary (true for the larger class value), a key of the class index for multiclass (with the class values
/// as key values), Single for regression.
/// </summary>
internal sealed class DataTableDataView : IDataView
{
    private readonly DataTable _table;
    private readonly int _featureCount;

    public DataTableDataView(DataTable table, bool includeLabel)
    {
        _table = table;
        _featureCount = table.FeatureNames.Count;
        var builder = new DataViewSchema.Builder();
        foreach (var name in table.FeatureNames) builder.AddColumn(name, NumberDataViewType.Single);
        if (includeLabel) AddLabel(builder, table);
        Schema = builder.ToSchema();
        ClassIndices = table.Task == TaskKind.Regression ? [] : table.ClassIndices();
    }

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    private int[] ClassIndices { get; }

    public long? GetRowCount() => _table.RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(this)];

    private static void AddLabel(DataViewSchema.Builder builder, DataTable table)
    {
        switch (table.Task)
        {
            case TaskKind.Binary:
                builder.AddColumn(table.LabelName, BooleanDataViewType.Instance);
                break;
            case TaskKind.Multiclass:
                var values = table.ClassValues.Select(v => (float)v).ToArray();
                var annotations = new DataViewSchema.Annotations.Builder();
                ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> dst) => dst = new VBuffer<float>(values.Length, values);
                annotations.Add("KeyValues", new VectorDataViewType(NumberDataViewType.Single, values.Length), getter);
                builder.AddColumn(table.LabelName, new KeyDataViewType(typeof(uint), values.Length), annotations.ToAnnotations());
                break;
            default:
                builder.AddColumn(table.LabelName, NumberDataViewType.Single);
                break;
        }
    }

    private sealed class Cursor(DataTableDataView view) : DataViewRowCursor
    {
        private long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext() => ++_position < view._table.RowCount;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var table = view._table;
            if (column.Index < view._featureCount)
            {
                var feature = column.Index;
                ValueGetter<float> getter = (ref float value) => value = (float)table.Row((int)_position)[feature];
                return (ValueGetter<TValue>)(Delegate)getter;
            }

            Delegate label = table.Task switch
            {
                TaskKind.Binary => (ValueGetter<bool>)((ref bool value) => value = view.ClassIndices[(int)_position] == 1),
                // Keys count from 1; 0 means missing.
                TaskKind.Multiclass => (ValueGetter<uint>)((ref uint value) => value = (uint)view.ClassIndices[(int)_position] + 1),
                _ => (ValueGetter<float>)((ref float value) => value = (float)table.Label((int)_position)),
            };
            return (ValueGetter<TValue>)label;
        }
    }
}
