using Pipeline.Ml.Models;

namespace Pipeline.Ml.Tests.Models;

public class MlModelWriterTests : IDisposable
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private readonly TempDir _temp = new();
    public void Dispose() => _temp.Dispose();

    private static readonly DateTimeOffset Created = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234560);

    private static ModelPackage Package(InputExample? example = null) => new(
        new MlNetFlavor("5.0.1", "binary_classification", "Label", ["mean radius", "mean texture"]),
        new ModelEnvironment("10.0.1", "net10.0", new Dictionary<string, string> { ["Microsoft.ML"] = "5.0.1" }),
        new ModelSignature([new ColumnSpec(MlflowDataType.Double, "mean radius"), new ColumnSpec(MlflowDataType.Double, "mean texture")], [new ColumnSpec(MlflowDataType.Long)]),
        example ?? new InputExample(["mean radius", "mean texture"], [[17.99, 10.38], [20.57, double.NaN]]),
        RunId: "74ed56034de94b018c67d04050f5b9ed",
        PipelineVersion: "0.1.0");

    private (string Dir, MlModel Model) WriteModel()
    {
        var dir = _temp.Combine("model");
        var model = new MlModelWriter(new FixedTime(Created)).Write(dir, Package(), new MemoryStream([1, 2, 3, 4, 5]));
        return (dir, model);
    }

    [Fact]
    public void Write_MlmodelHasMlflowKeysInSortedOrderAndValueFormats()
    {
        var (dir, model) = WriteModel();
        var yaml = File.ReadAllText(Path.Combine(dir, "MLmodel"));
        var expected = $$"""
            artifact_path: model
            flavors:
              mlnet:
                env: dotnet_env.json
                feature_columns:
                - mean radius
                - mean texture
                label_column: Label
                mlnet_version: 5.0.1
                model_file: model.zip
                task: binary_classification
            is_signature_from_type_hint: false
            model_id: null
            model_size_bytes: {{model.ModelSizeBytes}}
            model_uuid: {{model.ModelUuid}}
            pipeline_version: 0.1.0
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
            utc_time_created: '2024-01-01 12:00:00.123456'

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), yaml);
        Assert.Matches("^[0-9a-f]{32}$", model.ModelUuid);
    }

    [Fact]
    public void Read_PromptUris_RoundTripAsAList()
    {
        var (dir, written) = WriteModel();
        var withPrompts = written with { Prompts = ["prompts:/summarize/1"] };
        var yaml = MlModelReader.ToYaml(withPrompts);
        Assert.Contains("prompts:\n- prompts:/summarize/1\n", yaml);
        Assert.Equal(["prompts:/summarize/1"], MlModelReader.Parse(yaml).Prompts!);
        Assert.Null(MlModelReader.Read(dir).Prompts);
    }

    [Fact]
    public void Write_ModelSizeBytes_CountsFilesWrittenBeforeMlmodel()
    {
        var (dir, model) = WriteModel();
        long expected = new[] { "model.zip", "input_example.json", "serving_input_example.json" }
            .Sum(f => new FileInfo(Path.Combine(dir, f)).Length);
        Assert.Equal(expected, model.ModelSizeBytes);
    }

    [Fact]
    public void Read_RoundTripsEveryField()
    {
        var (dir, written) = WriteModel();
        var read = MlModelReader.Read(dir);
        Assert.Equal(written with { OtherFlavors = null }, read with { OtherFlavors = null });
        Assert.Empty(read.OtherFlavors!);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "MLmodel")), MlModelReader.ToYaml(read));
        Assert.Equal("5.0.1", MlModelReader.ReadEnvironment(dir, read).Packages["Microsoft.ML"]);
    }

    [Fact]
    public void Write_InputExample_IsPandasSplitJsonAndServingBody()
    {
        var (dir, model) = WriteModel();
        Assert.Equal("{\"columns\": [\"mean radius\", \"mean texture\"], \"data\": [[17.99, 10.38], [20.57, null]]}",
            File.ReadAllText(Path.Combine(dir, "input_example.json")));
        var serving = File.ReadAllText(Path.Combine(dir, "serving_input_example.json"));
        Assert.StartsWith("{\n  \"dataframe_split\": {\n    \"columns\": [\n      \"mean radius\",", serving);
        var example = MlModelReader.ReadInputExample(dir, model)!;
        Assert.Equal(["mean radius", "mean texture"], example.Columns);
        Assert.Equal(2, example.Rows.Count);
    }

    [Fact]
    public void Write_ExampleNotFittingSignature_ThrowsNamingColumn()
    {
        var bad = new InputExample(["mean radius", "mean texture"], [["big", 1.0]]);
        var e = Assert.Throws<ArgumentException>(() =>
            new MlModelWriter().Write(_temp.Combine("m"), Package(bad), new MemoryStream([1])));
        Assert.Contains("Column 'mean radius', row 0", e.Message);
    }

    [Fact]
    public void Write_NonEmptyDirectory_Throws()
    {
        var (dir, _) = WriteModel();
        Assert.Throws<IOException>(() => new MlModelWriter().Write(dir, Package(), new MemoryStream([1])));
    }

    [Fact]
    public void Verify_FreshDirectory_NoProblems() => Assert.Empty(ModelDirectoryVerifier.Verify(WriteModel().Dir));

    [Fact]
    public void Verify_ModifiedMissingAndExtraFiles_AreEachReported()
    {
        var (dir, _) = WriteModel();
        File.WriteAllBytes(Path.Combine(dir, "model.zip"), [1, 2, 3, 4, 6]); // same size, other bytes
        File.AppendAllText(Path.Combine(dir, "dotnet_env.json"), " ");
        File.Delete(Path.Combine(dir, "input_example.json"));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "x");
        var problems = ModelDirectoryVerifier.Verify(dir).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        Assert.Collection(problems,
            p => { Assert.Equal(ModelFileProblemKind.Corrupt, p.Kind); Assert.Contains("dotnet_env.json is corrupt:", p.Message); Assert.Contains("bytes", p.Message); },
            p => { Assert.Equal(ModelFileProblemKind.Missing, p.Kind); Assert.Equal("input_example.json is listed in the manifest but missing.", p.Message); },
            p => { Assert.Equal(ModelFileProblemKind.Corrupt, p.Kind); Assert.Contains("model.zip is corrupt: SHA-256", p.Message); },
            p => Assert.Equal(ModelFileProblemKind.Unexpected, p.Kind));
    }

    [Fact]
    public void Verify_NoManifest_ReportsIt()
    {
        var (dir, _) = WriteModel();
        File.Delete(Path.Combine(dir, "manifest.json"));
        var p = Assert.Single(ModelDirectoryVerifier.Verify(dir));
        Assert.Equal(ModelFileProblemKind.Missing, p.Kind);
    }
}
