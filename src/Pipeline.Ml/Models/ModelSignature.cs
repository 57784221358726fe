using System.Text;
using System.Text.Json;

namespace Pipeline.Ml.Models;

/// <summary>
/// A model's signature (MLflow's <c>ModelSignature</c>) with column-based input and output schemas.
/// In an MLmodel file each schema is a JSON string, e.g.
/// <c>[{"type": "double", "name": "x", "required": true}]</c>, written exactly as MLflow writes it.
/// Tensor-based schemas are not supported: parsing one is an error naming the entry.
/// </summary>
/// <param name="Inputs">Input columns; null when the signature declares none.</param>
/// <param name="Outputs">Output columns; null when the signature declares none.</param>
public sealed record ModelSignature(IReadOnlyList<ColumnSpec>? Inputs, IReadOnlyList<ColumnSpec>? Outputs)
{
    /// <summary>The <c>inputs</c> JSON string, or null.</summary>
    public string? InputsJson => Inputs is null ? null : ToJson(Inputs);

    /// <summary>The <c>outputs</c> JSON string, or null.</summary>
    public string? OutputsJson => Outputs is null ? null : ToJson(Outputs);

    /// <summary>Serialises a column schema as MLflow's <c>Schema.to_json()</c> does.</summary>
    public static string ToJson(IReadOnlyList<ColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var sb = new StringBuilder("[");
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (i > 0) sb.Append(", ");
            sb.Append("{\"type\": ").Append(PythonJson.String(c.Type.ToName()));
            if (c.Name is not null)
                sb.Append(", \"name\": ").Append(PythonJson.String(c.Name));
            sb.Append(", \"required\": ").Append(c.Required ? "true" : "false").Append('}');
        }
        return sb.Append(']').ToString();
    }

    /// <summary>Parses a column schema JSON string (as found in <c>signature.inputs</c>).</summary>
    /// <param name="json">The JSON string.</param>
    /// <param name="what">Where it came from, for error messages (e.g. <c>signature.inputs</c>).</param>
    /// <exception cref="ModelFormatException">Malformed JSON, a tensor spec, an unknown type.</exception>
    public static IReadOnlyList<ColumnSpec> ParseSchema(string json, string what = "schema")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{what}: not valid JSON at byte {e.BytePositionInLine} of line {e.LineNumber + 1}: {e.Message}", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new ModelFormatException($"{what}: expected a JSON array of column specs, got {doc.RootElement.ValueKind}.");
            var result = new List<ColumnSpec>();
            int index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
                result.Add(ParseColumn(e, $"{what}[{index++}]"));
            if (result.Count > 0 && result.Any(c => c.Name is null) && result.Any(c => c.Name is not null))
                throw new ModelFormatException($"{what}: mixes named and unnamed columns, which MLflow does not allow.");
            return result;
        }
    }

    private static ColumnSpec ParseColumn(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new ModelFormatException($"{where}: expected an object, got {e.ValueKind}.");
        if (!e.TryGetProperty("type", out var typeEl) || typeEl.ValueKind != JsonValueKind.String)
            throw new ModelFormatException($"{where}: missing string key 'type'.");
        var typeName = typeEl.GetString()!;
        if (typeName == "tensor")
            throw new ModelFormatException($"{where}: is a tensor spec; only column-based schemas are supported.");
        if (!MlflowDataTypeNames.TryParse(typeName, out var type))
            throw new ModelFormatException(
                $"{where}: unsupported type '{typeName}'; expected one of {string.Join(", ", MlflowDataTypeNames.All)}.");
        string? name = null;
        if (e.TryGetProperty("name", out var nameEl) && nameEl.ValueKind != JsonValueKind.Null)
        {
            if (nameEl.ValueKind != JsonValueKind.String)
                throw new ModelFormatException($"{where}: 'name' must be a string.");
            name = nameEl.GetString();
        }
        bool required = true; // MLflow's default when the key is absent (older files)
        if (e.TryGetProperty("required", out var reqEl))
        {
            required = reqEl.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ModelFormatException($"{where}: 'required' must be true or false."),
            };
        }
        return new ColumnSpec(type, name, required);
    }

    /// <summary>Structural equality over the column lists (records compare lists by reference).</summary>
    public bool Equals(ModelSignature? other) =>
        other is not null && SameColumns(Inputs, other.Inputs) && SameColumns(Outputs, other.Outputs);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InputsJson, OutputsJson);

    private static bool SameColumns(IReadOnlyList<ColumnSpec>? a, IReadOnlyList<ColumnSpec>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
