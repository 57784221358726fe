using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Batch;

/// <summary>
/// A columnar, typed table after signature enforcement: the columns of <see cref="Schema"/> that the request
/// supplied (every required one, plus the optional ones present), in schema order, each with
/// <see cref="RowCount"/> values. Extra request columns are not kept.
/// </summary>
public sealed class ScoringBatch
{
    private readonly ScoringColumn?[] _bySchemaIndex;

    /// <summary>
    /// Creates a batch; throws <see cref="ArgumentException"/> for a column not in <paramref name="schema"/>, a
    /// repeated or missing required column, or a column whose length is not <paramref name="rowCount"/>.
    /// </summary>
    public ScoringBatch(ScoringSchema schema, int rowCount, IEnumerable<ScoringColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Schema = schema;
        RowCount = rowCount;
        _bySchemaIndex = new ScoringColumn?[schema.Columns.Count];
        foreach (var column in columns)
        {
            var index = schema.IndexOf(column.Name);
            if (index < 0 || schema.Columns[index] != column.Spec)
            {
                throw new ArgumentException($"Column {column.Spec} is not part of the schema.", nameof(columns));
            }

            if (_bySchemaIndex[index] is not null || column.Length != rowCount)
            {
                throw new ArgumentException($"Column '{column.Name}' is repeated or has {column.Length} rows, not {rowCount}.", nameof(columns));
            }

            _bySchemaIndex[index] = column;
        }

        var missing = schema.Columns.Where((c, i) => c.Required && _bySchemaIndex[i] is null).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Required columns missing: {string.Join(", ", missing)}.", nameof(columns));
        }

        Columns = [.. _bySchemaIndex.OfType<ScoringColumn>()];
    }

    /// <summary>The signature the batch was enforced against.</summary>
    public ScoringSchema Schema { get; }

    /// <summary>Number of rows (may be 0).</summary>
    public int RowCount { get; }

    /// <summary>The present columns in schema order.</summary>
    public IReadOnlyList<ScoringColumn> Columns { get; }

    /// <summary>The column named <paramref name="name"/>, or null when it is not in the schema or was not supplied.</summary>
    public ScoringColumn? Find(string name)
    {
        var index = Schema.IndexOf(name);
        return index < 0 ? null : _bySchemaIndex[index];
    }
}
