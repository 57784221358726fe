namespace Pipeline.Ml.Models;

/// <summary>
/// Infers MLflow column schemas from .NET column types, mapping them as MLflow maps the equivalent
/// numpy dtypes: <c>bool</c> → boolean; <c>sbyte</c>, <c>short</c>, <c>int</c>, <c>byte</c>,
/// <c>ushort</c> → integer; <c>uint</c>, <c>long</c> → long; <c>float</c> → float; <c>double</c>,
/// <c>decimal</c> → double; <c>string</c>, <c>char</c>, ML.NET's <c>ReadOnlyMemory&lt;char&gt;</c> →
/// string; <c>byte[]</c> → binary; <c>DateTime</c>, <c>DateTimeOffset</c>, <c>DateOnly</c> → datetime.
/// A <c>Nullable&lt;T&gt;</c> column maps like <c>T</c> but is not required.
/// </summary>
public static class SignatureInference
{
    /// <summary>The MLflow type for a .NET type.</summary>
    /// <exception cref="NotSupportedException">
    /// For types with no lossless MLflow scalar (e.g. <c>ulong</c>, arrays, vectors); the message names the type.
    /// </exception>
    public static MlflowDataType ToMlflowType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(bool)) return MlflowDataType.Boolean;
        if (t == typeof(sbyte) || t == typeof(short) || t == typeof(int) || t == typeof(byte) || t == typeof(ushort))
            return MlflowDataType.Integer;
        if (t == typeof(uint) || t == typeof(long)) return MlflowDataType.Long;
        if (t == typeof(float)) return MlflowDataType.Float;
        if (t == typeof(double) || t == typeof(decimal)) return MlflowDataType.Double;
        if (t == typeof(string) || t == typeof(char) || t == typeof(ReadOnlyMemory<char>)) return MlflowDataType.String;
        if (t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>)) return MlflowDataType.Binary;
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly)) return MlflowDataType.Datetime;
        var why = t == typeof(ulong)
            ? "ulong does not fit MLflow's signed 64-bit long"
            : t.IsArray || t.Name.StartsWith("VBuffer", StringComparison.Ordinal)
                ? "vector columns have no column-based MLflow type; declare one scalar column per feature"
                : "it has no MLflow scalar type";
        throw new NotSupportedException($"Type {t.FullName} cannot be used in a model signature: {why}.");
    }

    /// <summary>One named, required (unless nullable) input column per (name, type), in order.</summary>
    /// <exception cref="ArgumentException">A name is empty or repeated.</exception>
    /// <exception cref="NotSupportedException">A column's type has no MLflow equivalent; names the column.</exception>
    public static IReadOnlyList<ColumnSpec> InferInputs(IEnumerable<(string Name, Type Type)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ColumnSpec>();
        foreach (var (name, type) in columns)
        {
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException($"Input column {result.Count} has an empty name.", nameof(columns));
            if (!seen.Add(name))
                throw new ArgumentException($"Input column '{name}' appears more than once.", nameof(columns));
            MlflowDataType mlType;
            try { mlType = ToMlflowType(type); }
            catch (NotSupportedException e) { throw new NotSupportedException($"Column '{name}': {e.Message}", e); }
            result.Add(new ColumnSpec(mlType, name, Nullable.GetUnderlyingType(type) is null));
        }
        return result;
    }

    /// <summary>
    /// The output schema MLflow infers for a column-based model's 1-D predictions: one unnamed,
    /// required column, e.g. <c>[{"type": "long", "required": true}]</c> for class ids or
    /// <c>[{"type": "double", "required": true}]</c> for a regressor.
    /// </summary>
    public static IReadOnlyList<ColumnSpec> InferOutput(Type predictionType) =>
        [new ColumnSpec(ToMlflowType(predictionType))];

    /// <summary>A signature from input columns and the prediction type.</summary>
    public static ModelSignature Infer(IEnumerable<(string Name, Type Type)> inputs, Type predictionType) =>
        new(InferInputs(inputs), InferOutput(predictionType));
}
