using Pipeline.Ml.Models;

namespace Pipeline.Ml.Tests.Models;

/// <summary>Reads MLmodel files as MLflow writes them (shape taken from an MLflow 3.4 xgboost model).</summary>
public class MlflowMlmodelCompatibilityTests
{
    private const string Mlflow34 = """
        artifact_path: model
        flavors:
          python_function:
            data: model.xgb
            env:
              conda: conda.yaml
              virtualenv: python_env.yaml
            loader_module: mlflow.xgboost
            python_version: 3.13.5
          xgboost:
            code: null
            data: model.xgb
            model_class: xgboost.sklearn.XGBClassifier
            model_format: xgb
            xgb_version: 2.0.3
        is_signature_from_type_hint: false
        mlflow_version: 3.4.0
        model_id: m-75b24f103c544a0694a466f0196e4676
        model_size_bytes: 93773
        model_uuid: m-75b24f103c544a0694a466f0196e4676
        prompts: null
        run_id: 74ed56034de94b018c67d04050f5b9ed
        saved_input_example_info:
          artifact_path: input_example.json
          pandas_orient: split
          serving_input_path: serving_input_example.json
          type: dataframe
        signature:
          inputs: '[{"type": "double", "name": "mean radius", "required": true}, {"type":
            "double", "name": "mean texture", "required": true}]'
          outputs: '[{"type": "long", "required": true}]'
          params: null
        type_hint_from_example: false
        utc_time_created: '2025-10-07 23:52:48.989140'
        """;

    [Fact]
    public void Parse_MlflowWrittenFile_ReadsSignatureTimeAndFlavors()
    {
        var m = MlModelReader.Parse(Mlflow34);
        Assert.Null(m.MlNet);
        Assert.Equal(["python_function", "xgboost"], m.OtherFlavors!.Keys.Order());
        Assert.Equal(new DateTime(2025, 10, 7, 23, 52, 48, DateTimeKind.Utc).AddTicks(9891400), m.UtcTimeCreated);
        Assert.Equal(93773, m.ModelSizeBytes);
        Assert.Equal("m-75b24f103c544a0694a466f0196e4676", m.ModelId);
        Assert.Equal([new ColumnSpec(MlflowDataType.Double, "mean radius"), new ColumnSpec(MlflowDataType.Double, "mean texture")], m.Signature!.Inputs!);
        Assert.Equal("[{\"type\": \"long\", \"required\": true}]", m.Signature.OutputsJson);
        Assert.Equal(new InputExampleInfo(), m.SavedInputExampleInfo);
    }

    [Fact]
    public void ToYaml_MlflowWrittenFile_KeepsItsLayoutExceptMlflowVersion()
    {
        // model_id and prompts: null are written back as MLflow 3 writes them; only mlflow_version is not ours to claim.
        var yaml = MlModelReader.ToYaml(MlModelReader.Parse(Mlflow34));
        var expected = (Mlflow34.ReplaceLineEndings("\n") + "\n").Replace("mlflow_version: 3.4.0\n", "");
        Assert.Equal(expected, yaml);
    }

    [Theory]
    [InlineData("flavors: {}\nutc_time_created: 'yesterday'\n", "utc_time_created 'yesterday'")]
    [InlineData("utc_time_created: '2024-01-01 00:00:00'\n", "missing required key 'flavors'")]
    [InlineData("flavors:\n  mlnet:\n    task: regression\nutc_time_created: '2024-01-01 00:00:00'\n", "missing required key 'flavors.mlnet.mlnet_version'")]
    [InlineData("flavors: [\n", "not valid YAML at line")]
    public void Parse_BadFile_ErrorNamesKey(string yaml, string expected)
    {
        var e = Assert.Throws<ModelFormatException>(() => MlModelReader.Parse(yaml, "x/MLmodel"));
        Assert.StartsWith("x/MLmodel", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(17.99, "17.99")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(123456789.125, "123456789.125")]
    public void PythonFloat_MatchesPythonRepr(double value, string expected) =>
        Assert.Equal(expected, PythonJson.Float(value));
}
