using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Data;

namespace Pipeline.Stages.Stages.Smoke;

/// <summary>Rows of a table written in each of MLflow's request formats, with the feature columns only.</summary>
internal static class SmokeRequests
{
    public const string Csv = "csv";

    /// <summary>The four JSON formats and CSV.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["dataframe_split", "dataframe_records", "instances", "inputs", Csv];

    public static (string Body, string ContentType) Build(DataTable table, IReadOnlyList<string> features, IReadOnlyList<int> rows, string format, bool proba = false)
    {
        var index = features.Select(f => table.FeatureNames.ToList().IndexOf(f)).ToArray();
        double Cell(int row, int feature) => table.Row(row)[index[feature]];
        if (format == Csv)
        {
            var csv = new StringBuilder(string.Join(',', features)).Append('\n');
            foreach (var r in rows)
                csv.AppendJoin(',', features.Select((_, f) => Cell(r, f).ToString("R", CultureInfo.InvariantCulture))).Append('\n');
            return (csv.ToString(), "text/csv");
        }

        object payload = format switch
        {
            "dataframe_split" => new { columns = features, data = rows.Select(r => features.Select((_, f) => Cell(r, f)).ToArray()).ToArray() },
            "inputs" => features.Select((name, f) => (name, f)).ToDictionary(p => p.name, p => rows.Select(r => Cell(r, p.f)).ToArray()),
            _ => rows.Select(r => features.Select((name, f) => (name, f)).ToDictionary(p => p.name, p => Cell(r, p.f))).ToArray(),
        };
        var body = new Dictionary<string, object> { [format] = payload };
        if (proba)
            body["params"] = new Dictionary<string, object> { ["predict_proba"] = true };
        return (JsonSerializer.Serialize(body), "application/json");
    }
}
