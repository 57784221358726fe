using System.Text.Json;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// A request's table before signature enforcement: named columns of untyped cells, either JSON elements
/// (valid while the request's <see cref="JsonDocument"/> lives; <c>default</c> means absent) or CSV text
/// (null means an empty field).
/// </summary>
internal sealed class RawTable
{
    private readonly Dictionary<string, RawColumn> _columns = new(StringComparer.Ordinal);

    public RawTable(int rowCount) => RowCount = rowCount;

    public int RowCount { get; }

    /// <summary>Column names in the order the request gave them.</summary>
    public List<string> Names { get; } = [];

    public bool Contains(string name) => _columns.ContainsKey(name);

    public RawColumn this[string name] => _columns[name];

    /// <summary>Adds a column; false when the name is already taken.</summary>
    public bool TryAdd(string name, RawColumn column)
    {
        if (!_columns.TryAdd(name, column))
        {
            return false;
        }

        Names.Add(name);
        return true;
    }
}

/// <summary>The cells of one <see cref="RawTable"/> column: exactly one of the two arrays is set.</summary>
internal sealed record RawColumn(JsonElement[]? Json, string?[]? Text)
{
    public static RawColumn FromJson(JsonElement[] cells) => new(cells, null);

    public static RawColumn FromText(string?[] cells) => new(null, cells);
}
