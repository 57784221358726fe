using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Batch;

/// <summary>
/// One column of a <see cref="ScoringBatch"/>: values already converted to the signature's type, held in a
/// typed array (<c>double[]</c>, <c>float[]</c>, <c>long[]</c>, <c>int[]</c>, <c>bool[]</c> or <c>string?[]</c>).
/// A null cell (possible only in an optional column) holds the type's default in the array and is reported by
/// <see cref="IsNull"/>.
/// </summary>
public sealed class ScoringColumn
{
    private readonly bool[]? _nulls;

    /// <summary>
    /// Wraps <paramref name="values"/>; throws <see cref="ArgumentException"/> when the array's element type does
    /// not match <paramref name="spec"/>'s type or <paramref name="nulls"/> has another length.
    /// </summary>
    public ScoringColumn(ScoringColumnSpec spec, Array values, bool[]? nulls = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetType() != ArrayTypeOf(spec.Type))
        {
            throw new ArgumentException(
                $"Column '{spec.Name}' of type {spec.Type.ToMlflowName()} needs a {ArrayTypeOf(spec.Type).Name}, got {values.GetType().Name}.",
                nameof(values));
        }

        if (nulls is not null && nulls.Length != values.Length)
        {
            throw new ArgumentException($"Column '{spec.Name}': null mask length differs from value count.", nameof(nulls));
        }

        Spec = spec;
        Values = values;
        _nulls = nulls is not null && Array.IndexOf(nulls, true) >= 0 ? nulls : null;
    }

    /// <summary>The signature column this data was enforced against.</summary>
    public ScoringColumnSpec Spec { get; }

    /// <summary>Column name.</summary>
    public string Name => Spec.Name;

    /// <summary>Column type.</summary>
    public ScoringType Type => Spec.Type;

    /// <summary>Number of rows.</summary>
    public int Length => Values.Length;

    /// <summary>The typed value array (see the class remarks for the array type per <see cref="ScoringType"/>).</summary>
    public Array Values { get; }

    /// <summary>True when at least one cell is null.</summary>
    public bool HasNulls => _nulls is not null;

    /// <summary>True when the cell at <paramref name="row"/> is null.</summary>
    public bool IsNull(int row) => _nulls is not null && _nulls[row];

    /// <summary>The values of a <see cref="ScoringType.Double"/> column.</summary>
    public ReadOnlySpan<double> Doubles => As<double>(ScoringType.Double);

    /// <summary>The values of a <see cref="ScoringType.Float"/> column.</summary>
    public ReadOnlySpan<float> Floats => As<float>(ScoringType.Float);

    /// <summary>The values of a <see cref="ScoringType.Long"/> column.</summary>
    public ReadOnlySpan<long> Longs => As<long>(ScoringType.Long);

    /// <summary>The values of an <see cref="ScoringType.Integer"/> column.</summary>
    public ReadOnlySpan<int> Integers => As<int>(ScoringType.Integer);

    /// <summary>The values of a <see cref="ScoringType.Boolean"/> column.</summary>
    public ReadOnlySpan<bool> Booleans => As<bool>(ScoringType.Boolean);

    /// <summary>The values of a <see cref="ScoringType.String"/> column.</summary>
    public ReadOnlySpan<string?> Strings => As<string?>(ScoringType.String);

    /// <summary>The cell at <paramref name="row"/>, boxed; null for a null cell.</summary>
    public object? GetValue(int row) => IsNull(row) ? null : Values.GetValue(row);

    /// <summary>The .NET array type holding values of <paramref name="type"/>.</summary>
    public static Type ArrayTypeOf(ScoringType type) => type switch
    {
        ScoringType.Double => typeof(double[]),
        ScoringType.Float => typeof(float[]),
        ScoringType.Long => typeof(long[]),
        ScoringType.Integer => typeof(int[]),
        ScoringType.Boolean => typeof(bool[]),
        _ => typeof(string[]),
    };

    private ReadOnlySpan<T> As<T>(ScoringType expected) => Type == expected
        ? (T[])Values
        : throw new InvalidOperationException($"Column '{Name}' is {Type.ToMlflowName()}, not {expected.ToMlflowName()}.");
}
