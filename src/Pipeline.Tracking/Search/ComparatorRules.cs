namespace Pipeline.Tracking.Search;

/// <summary>MLflow's comparator sets per entity kind (<c>VALID_METRIC_COMPARATORS</c> and friends).</summary>
internal static class ComparatorRules
{
    private static readonly Comparator[] Numeric =
        [Comparator.Equal, Comparator.NotEqual, Comparator.Less, Comparator.LessOrEqual, Comparator.Greater, Comparator.GreaterOrEqual];

    private static readonly Comparator[] Text = [Comparator.Equal, Comparator.NotEqual, Comparator.Like, Comparator.ILike];

    private static readonly Comparator[] TextOrList = [.. Text, Comparator.In, Comparator.NotIn];

    public static IReadOnlyList<Comparator> Allowed(EntityKind kind, bool numeric) => kind switch
    {
        EntityKind.Metric => Numeric,
        EntityKind.Param or EntityKind.Tag => Text,
        EntityKind.Attribute => numeric ? Numeric : TextOrList,
        _ => TextOrList,
    };

    public static Comparator? FromSymbol(string symbol) => symbol switch
    {
        "=" => Comparator.Equal,
        "!=" => Comparator.NotEqual,
        "<" => Comparator.Less,
        "<=" => Comparator.LessOrEqual,
        ">" => Comparator.Greater,
        ">=" => Comparator.GreaterOrEqual,
        _ => null,
    };

    /// <summary>The comparator as MLflow spells it (<c>!=</c>, <c>NOT IN</c>).</summary>
    public static string Name(Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.NotEqual => "!=",
        Comparator.Less => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.Greater => ">",
        Comparator.GreaterOrEqual => ">=",
        Comparator.Like => "LIKE",
        Comparator.ILike => "ILIKE",
        Comparator.In => "IN",
        _ => "NOT IN",
    };

    public static string Describe(EntityKind kind, bool numeric) => kind switch
    {
        EntityKind.Metric => "metric",
        EntityKind.Param => "param",
        EntityKind.Tag => "tag",
        EntityKind.Dataset => "dataset",
        _ => numeric ? "numeric attribute" : "string attribute",
    };
}
