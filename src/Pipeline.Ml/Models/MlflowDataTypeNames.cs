namespace Pipeline.Ml.Models;

/// <summary>Maps <see cref="MlflowDataType"/> to and from MLflow's type names (<c>"double"</c>, ...).</summary>
public static class MlflowDataTypeNames
{
    private static readonly (MlflowDataType Type, string Name)[] Names =
    [
        (MlflowDataType.Boolean, "boolean"),
        (MlflowDataType.Integer, "integer"),
        (MlflowDataType.Long, "long"),
        (MlflowDataType.Float, "float"),
        (MlflowDataType.Double, "double"),
        (MlflowDataType.String, "string"),
        (MlflowDataType.Binary, "binary"),
        (MlflowDataType.Datetime, "datetime"),
    ];

    /// <summary>The MLflow name of a type, e.g. <c>"long"</c>.</summary>
    public static string ToName(this MlflowDataType type) =>
        Array.Find(Names, n => n.Type == type).Name
        ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Not an MLflow data type.");

    /// <summary>Parses an MLflow type name (case-sensitive, as MLflow is).</summary>
    /// <returns>false when the name is not one of MLflow's scalar types.</returns>
    public static bool TryParse(string name, out MlflowDataType type)
    {
        foreach (var (t, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>All names, in MLflow's declaration order (for error messages).</summary>
    public static IReadOnlyList<string> All { get; } = Array.ConvertAll(Names, n => n.Name);
}
