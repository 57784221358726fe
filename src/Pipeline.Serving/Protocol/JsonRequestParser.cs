using System.Text.Json;
using Pipeline.Serving.Model;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Reads an <c>application/json</c> scoring request as MLflow's scoring server does
/// (<c>_split_data_and_params</c> then <c>infer_and_parse_data</c>): a JSON object with exactly one of
/// <c>dataframe_split</c>, <c>dataframe_records</c>, <c>instances</c>, <c>inputs</c>, and optional <c>params</c>;
/// other keys are ignored.
/// </summary>
internal static class JsonRequestParser
{
    public const string DataframeSplit = "dataframe_split";
    public const string DataframeRecords = "dataframe_records";
    public const string Instances = "instances";
    public const string Inputs = "inputs";
    public const string Params = "params";

    private static readonly string[] Formats = [DataframeSplit, DataframeRecords, Instances, Inputs];

    private static readonly string RequiredInputFormat =
        "The input must be a JSON dictionary with exactly one of the input fields " +
        "{'dataframe_split', 'dataframe_records', 'instances', 'inputs'}";

    /// <summary>Parses the document; the returned table's cells refer into <paramref name="document"/>.</summary>
    public static (RawTable Table, ScoringParams Params) Parse(JsonDocument document, ScoringSchema schema)
    {
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            throw ScoringException.InvalidInput($"{RequiredInputFormat}. Received a list.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ScoringException.InvalidInput($"{RequiredInputFormat}. Received unexpected input type '{PythonRepr.TypeOf(root)}'.");
        }

        var keys = new List<string>();
        var formatKeys = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            keys.Add(property.Name);
            if (Formats.Contains(property.Name, StringComparer.Ordinal) && !formatKeys.Contains(property.Name))
            {
                formatKeys.Add(property.Name);
            }
        }

        if (formatKeys.Count != 1)
        {
            // MLflow lists only the format keys it saw; listing every key tells the caller more.
            throw new ScoringException(
                $"{RequiredInputFormat}. Received dictionary with input fields: {PythonRepr.List(keys)}. " +
                "Since MLflow 2.0 the data must be wrapped in one of these fields; see the scoring protocol in README.");
        }

        var parameters = root.TryGetProperty(Params, out var paramsElement)
            ? ScoringParams.FromJson(paramsElement)
            : ScoringParams.Empty;
        var format = formatKeys[0];
        var data = root.GetProperty(format);
        var table = format switch
        {
            DataframeSplit => DataFrameJsonReader.ReadSplit(data),
            DataframeRecords => DataFrameJsonReader.ReadRecords(data),
            Instances => TensorInputReader.ReadInstances(data, schema),
            _ => TensorInputReader.ReadInputs(data, schema),
        };
        return (table, parameters);
    }
}
