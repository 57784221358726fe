using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Data;

namespace Pipeline.Serving.Tests.MlNet;

/// <summary>Test-split rows written in each of MLflow's request formats.</summary>
internal static class BreastCancerRequests
{
    public static IEnumerable<string> Formats { get; } = ["dataframe_split", "dataframe_records", "instances", "inputs", "csv"];

    public static (string Body, string ContentType) Build(DataTable table, IReadOnlyList<int> rows, string format, bool proba = false)
    {
        var names = table.FeatureNames;
        if (format == "csv")
        {
            var csv = new StringBuilder(string.Join(',', names)).Append('\n');
            foreach (var r in rows)
                csv.Append(string.Join(',', table.Row(r).Select(Number))).Append('\n');
            return (csv.ToString(), "text/csv");
        }

        var records = rows.Select(r => names.Select((n, c) => (n, v: table.Row(r)[c])).ToDictionary(p => p.n, p => p.v)).ToArray();
        object payload = format switch
        {
            "dataframe_split" => new { columns = names, data = rows.Select(r => table.Row(r)).ToArray() },
            "inputs" => names.Select((n, c) => (n, c)).ToDictionary(p => p.n, p => rows.Select(r => table.Row(r)[p.c]).ToArray()),
            _ => records,
        };
        var body = new Dictionary<string, object> { [format] = payload };
        if (proba)
            body["params"] = new Dictionary<string, object> { ["predict_proba"] = true };
        return (JsonSerializer.Serialize(body), "application/json");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
