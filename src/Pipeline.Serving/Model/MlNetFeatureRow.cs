using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Serving.Model;

/// <summary>
/// The one input row an <see cref="MlNetRowScorer"/> feeds its mapper: one Single column per model feature,
/// refilled for every prediction. The position moves on every fill because ML.NET's mappers cache
/// per-position values (as PredictionEngine does).
/// </summary>
internal sealed class MlNetFeatureRow : DataViewRow
{
    private long _position = -1;

    public MlNetFeatureRow(IReadOnlyList<string> features)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var name in features)
            builder.AddColumn(name, NumberDataViewType.Single);
        Schema = builder.ToSchema();
        Values = new float[features.Count];
    }

    /// <summary>The feature values of the current row, in feature order; write them, then call <see cref="Advance"/>.</summary>
    public float[] Values { get; }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    public override long Batch => 0;

    public void Advance() => _position++;

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var index = column.Index;
        var values = Values;
        ValueGetter<float> getter = (ref float value) => value = values[index];
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is Single; {typeof(TValue).Name} was asked for.");
    }
}
