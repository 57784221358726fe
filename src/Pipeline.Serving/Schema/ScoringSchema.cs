using System.Text.Json;

namespace Pipeline.Serving.Schema;

/// <summary>
/// The input signature a scoring model declares: ordered, uniquely named columns (MLflow's
/// column-based <c>Schema</c>). Requests are matched against it by column name; extra columns are ignored.
/// </summary>
public sealed class ScoringSchema
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a schema; throws <see cref="ArgumentException"/> for no columns or a repeated name.</summary>
    public ScoringSchema(IEnumerable<ScoringColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        if (Columns.Count == 0)
        {
            throw new ArgumentException("A scoring schema needs at least one column.", nameof(columns));
        }

        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!_indexByName.TryAdd(Columns[i].Name, i))
            {
                throw new ArgumentException($"Column '{Columns[i].Name}' appears twice in the schema.", nameof(columns));
            }
        }
    }

    /// <summary>The columns in declaration order.</summary>
    public IReadOnlyList<ScoringColumnSpec> Columns { get; }

    /// <summary>Position of the column named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexByName.GetValueOrDefault(name, -1);

    /// <summary>
    /// Reads MLflow's column-schema JSON as stored in <c>MLmodel</c>'s <c>signature.inputs</c>, e.g.
    /// <c>[{"type": "double", "name": "x", "required": true}]</c>. <c>required</c> defaults to true.
    /// Throws <see cref="FormatException"/> naming the entry for unnamed columns, tensor specs or types
    /// other than double, float, long, integer, boolean and string.
    /// </summary>
    public static ScoringSchema FromMlflowJson(string json)
    {
        using var document = ParseDocument(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("An MLflow column schema must be a JSON array of column specs.");
        }

        var columns = new List<ScoringColumnSpec>();
        var position = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            columns.Add(ReadColumn(entry, position++));
        }

        try
        {
            return new ScoringSchema(columns);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>MLflow's rendering: <c>['a': double (required), 'b': string (optional)]</c>.</summary>
    public override string ToString() => $"[{string.Join(", ", Columns)}]";

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The MLflow column schema is not valid JSON: {ex.Message}", ex);
        }
    }

    private static ScoringColumnSpec ReadColumn(JsonElement entry, int position)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Schema entry {position} must be a JSON object.");
        }

        if (!entry.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"Schema entry {position} has no 'name': only named column signatures can be served.");
        }

        var typeName = entry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
        if (!ScoringTypeNames.TryParse(typeName, out var scoringType))
        {
            throw new FormatException(
                $"Schema entry {position} ('{name.GetString()}') has type '{typeName ?? type.ToString()}'; " +
                $"supported types: {string.Join(", ", ScoringTypeNames.MlflowNames)}.");
        }

        var required = !entry.TryGetProperty("required", out var req) || req.ValueKind != JsonValueKind.False;
        return new ScoringColumnSpec(name.GetString()!, scoringType, required);
    }
}
