namespace Pipeline.Ml.Data;

/// <summary>
/// One column of an inferred schema. <paramref name="Type"/> uses MLflow's column-schema type names:
/// <c>long</c> when every value in the file is written as an integer (what pandas infers as int64),
/// otherwise <c>double</c>.
/// </summary>
/// <param name="Name">The header name.</param>
/// <param name="Type"><c>long</c> or <c>double</c>.</param>
public sealed record DataColumn(string Name, string Type)
{
    /// <summary>MLflow's type name for 64-bit integers.</summary>
    public const string LongType = "long";

    /// <summary>MLflow's type name for 64-bit floats.</summary>
    public const string DoubleType = "double";

    /// <summary>Whether the column holds integers only.</summary>
    public bool IsInteger => Type == LongType;
}
