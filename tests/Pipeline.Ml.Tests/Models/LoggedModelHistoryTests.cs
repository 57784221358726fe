using Pipeline.Ml.Models;

namespace Pipeline.Ml.Tests.Models;

/// <summary>The mlflow.log-model.history tag value, compared with json.dumps([Model.get_tags_dict()]) as MLflow writes it.</summary>
public class LoggedModelHistoryTests
{
    private static readonly DateTime Created = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234560);

    private static MlModel Model(string uuid = "0123456789abcdef0123456789abcdef", string? artifactPath = "model") => new(
        uuid, Created, new MlNetFlavor("5.0.1", "binary_classification", "Label", ["a", "b"], ClassValues: [0, 1]),
        ArtifactPath: artifactPath, RunId: "74ed56034de94b018c67d04050f5b9ed", ModelSizeBytes: 10, PipelineVersion: "0.1.0");

    [Fact]
    public void Entry_HasGetTagsDictKeysInMlflowOrderWithPythonSeparators()
    {
        Assert.Equal(
            "{\"run_id\": \"74ed56034de94b018c67d04050f5b9ed\", \"artifact_path\": \"model\", "
            + "\"utc_time_created\": \"2024-01-01 12:00:00.123456\", \"model_uuid\": \"0123456789abcdef0123456789abcdef\", "
            + "\"flavors\": {\"mlnet\": {\"class_values\": [0, 1], \"env\": \"dotnet_env.json\", \"feature_columns\": [\"a\", \"b\"], "
            + "\"label_column\": \"Label\", \"mlnet_version\": \"5.0.1\", \"model_file\": \"model.zip\", \"task\": \"binary_classification\"}}}",
            LoggedModelHistory.Entry(Model()));
    }

    [Fact]
    public void Entry_FlavorConfigKey_IsLeftOutAsGetTagsDictDoes()
    {
        var other = new Dictionary<string, object?>
        {
            ["python_function"] = new Dictionary<string, object?> { ["loader_module"] = "mlflow.pyfunc.model", ["config"] = null },
        };
        var entry = LoggedModelHistory.Entry(Model() with { MlNet = null, OtherFlavors = other });

        Assert.EndsWith("\"flavors\": {\"python_function\": {\"loader_module\": \"mlflow.pyfunc.model\"}}}", entry);
    }

    [Fact]
    public void Append_NoPreviousTag_IsAOneEntryList()
    {
        Assert.Equal("[" + LoggedModelHistory.Entry(Model()) + "]", LoggedModelHistory.Append(null, Model()));
    }

    [Fact]
    public void Append_KeepsOtherArtifactPathsByteForByteAndReplacesTheSamePath()
    {
        const string mlflowEntry = "{\"run_id\": \"r\", \"artifact_path\": \"sklearn-model\", \"utc_time_created\": \"2024-01-01 00:00:00\", \"model_uuid\": \"u\", \"flavors\": {}}";
        var previous = LoggedModelHistory.Append("[" + mlflowEntry + "]", Model("11111111111111111111111111111111"));

        var value = LoggedModelHistory.Append(previous, Model("22222222222222222222222222222222"));

        Assert.Equal("[" + mlflowEntry + ", " + LoggedModelHistory.Entry(Model("22222222222222222222222222222222")) + "]", value);
    }

    [Theory]
    [InlineData("{\"run_id\": \"r\"}", "not a list")]
    [InlineData("[{", "not JSON")]
    public void Append_PreviousValueNotAJsonList_ThrowsNamingTheTag(string previous, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LoggedModelHistory.Append(previous, Model()));
        Assert.Contains("mlflow.log-model.history", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
