namespace Pipeline.Tracking.Search;

/// <summary>What a filter or order-by key refers to: <c>metrics.x</c>, <c>params.x</c>, <c>tags.x</c>, <c>attributes.x</c>, <c>datasets.x</c>.</summary>
public enum EntityKind
{
    Metric,
    Param,
    Tag,
    Attribute,
    Dataset,
}

/// <summary>The comparators of MLflow's filter grammar.</summary>
public enum Comparator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Like,
    ILike,
    In,
    NotIn,
}

/// <summary>
/// One comparison of a filter (clauses are joined by AND, as in MLflow). <paramref name="Value"/> is a
/// <see cref="double"/> for metric and numeric-attribute comparisons, a <see cref="string"/> otherwise, and an
/// <see cref="IReadOnlyList{T}"/> of strings for IN / NOT IN.
/// </summary>
public sealed record FilterClause(EntityKind Kind, string Key, Comparator Comparator, object Value);

/// <summary>One key of an order-by list, e.g. <c>metrics.roc_auc DESC</c>.</summary>
public sealed record OrderByClause(EntityKind Kind, string Key, bool Ascending);
