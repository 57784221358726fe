namespace Pipeline.Serving.Schema;

/// <summary>Maps <see cref="ScoringType"/> to and from MLflow's type names.</summary>
public static class ScoringTypeNames
{
    /// <summary>The MLflow names accepted in a column-schema JSON, in declaration order.</summary>
    public static IReadOnlyList<string> MlflowNames { get; } = ["double", "float", "long", "integer", "boolean", "string"];

    /// <summary>MLflow's name for <paramref name="type"/> (<c>double</c>, <c>long</c>, ...).</summary>
    public static string ToMlflowName(this ScoringType type) => MlflowNames[(int)type];

    /// <summary>The numpy dtype MLflow converts the column to; error messages name it as MLflow does.</summary>
    public static string ToNumpyName(this ScoringType type) => type switch
    {
        ScoringType.Double => "float64",
        ScoringType.Float => "float32",
        ScoringType.Long => "int64",
        ScoringType.Integer => "int32",
        ScoringType.Boolean => "bool",
        _ => "object",
    };

    /// <summary>Parses an MLflow type name; false for types this server does not serve (binary, datetime, ...).</summary>
    public static bool TryParse(string? name, out ScoringType type)
    {
        for (var i = 0; i < MlflowNames.Count; i++)
        {
            if (string.Equals(MlflowNames[i], name, StringComparison.Ordinal))
            {
                type = (ScoringType)i;
                return true;
            }
        }

        type = default;
        return false;
    }
}
