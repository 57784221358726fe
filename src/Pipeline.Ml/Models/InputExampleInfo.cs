namespace Pipeline.Ml.Models;

/// <summary>
/// MLflow's <c>saved_input_example_info</c>: where the input example is and how it is encoded.
/// Defaults are what MLflow writes for a pandas DataFrame example.
/// </summary>
/// <param name="ArtifactPath">The example file; default <c>input_example.json</c>.</param>
/// <param name="Type">The example's type; default <c>dataframe</c>.</param>
/// <param name="PandasOrient">How the frame is encoded; default <c>split</c> (<c>{"columns": [...], "data": [[...]]}</c>).</param>
/// <param name="ServingInputPath">A ready request body for <c>/invocations</c>; default <c>serving_input_example.json</c>.</param>
public sealed record InputExampleInfo(
    string ArtifactPath = InputExampleInfo.DefaultFileName,
    string Type = "dataframe",
    string? PandasOrient = "split",
    string? ServingInputPath = InputExampleInfo.DefaultServingFileName)
{
    /// <summary><c>input_example.json</c>.</summary>
    public const string DefaultFileName = "input_example.json";

    /// <summary><c>serving_input_example.json</c>.</summary>
    public const string DefaultServingFileName = "serving_input_example.json";
}
