using System.Text.Json;

namespace Pipeline.Ml.Plots;

/// <summary>
/// Writes the data behind a plot as JSON beside its PNG (<c>roc.png</c> → <c>roc.json</c>), so that a
/// UI or a later comparison can redraw it: <c>{"x": [...], "y": [...], ...extra}</c>.
/// Non-finite numbers are written as null.
/// </summary>
public static class CurveDataWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Writes the curve (and extra named values, e.g. <c>auc</c>) to the PNG path with a .json extension.</summary>
    /// <returns>The JSON file's path.</returns>
    public static string WriteBeside(string pngPath, CurvePoints points, IReadOnlyDictionary<string, double>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var data = new Dictionary<string, object?>
        {
            ["x"] = points.X.Select(Finite).ToArray(),
            ["y"] = points.Y.Select(Finite).ToArray(),
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, double>())
        {
            if (k is "x" or "y") throw new ArgumentException($"Extra key '{k}' would overwrite the curve.", nameof(extra));
            data[k] = Finite(v);
        }
        var path = Path.ChangeExtension(pngPath, ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(data, Json));
        return path;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
