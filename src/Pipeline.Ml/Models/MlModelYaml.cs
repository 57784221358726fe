using System.Globalization;

namespace Pipeline.Ml.Models;

/// <summary>Maps <see cref="MlModel"/> to and from the key tree of an MLmodel file.</summary>
internal static class MlModelYaml
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static string ToYaml(MlModel model)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["model_uuid"] = model.ModelUuid,
            ["utc_time_created"] = FormatTime(model.UtcTimeCreated),
        };
        root["flavors"] = Flavors(model);
        AddIfSet(root, "artifact_path", model.ArtifactPath);
        AddIfSet(root, "run_id", model.RunId);
        AddIfSet(root, "model_size_bytes", model.ModelSizeBytes);
        AddIfSet(root, "pipeline_version", model.PipelineVersion);
        // MLflow 3 writes both keys on every model (Model.to_dict keeps its public attributes even when None).
        root["model_id"] = model.ModelId;
        root["prompts"] = model.Prompts?.Cast<object?>().ToList();
        if (model.Signature is { } s)
        {
            root["signature"] = new Dictionary<string, object?>
            {
                ["inputs"] = s.InputsJson,
                ["outputs"] = s.OutputsJson,
                ["params"] = null,
            };
            // MLflow 3 writes these beside every signature; ours never comes from Python type hints.
            root["is_signature_from_type_hint"] = false;
            root["type_hint_from_example"] = false;
        }
        if (model.SavedInputExampleInfo is { } e)
        {
            var info = new Dictionary<string, object?> { ["artifact_path"] = e.ArtifactPath, ["type"] = e.Type };
            AddIfSet(info, "pandas_orient", e.PandasOrient);
            AddIfSet(info, "serving_input_path", e.ServingInputPath);
            root["saved_input_example_info"] = info;
        }
        return PythonYaml.Dump(root);
    }

    /// <summary>The <c>flavors</c> mapping: the other flavors as parsed, and <c>mlnet</c> when the model has it.</summary>
    public static Dictionary<string, object?> Flavors(MlModel model)
    {
        var flavors = new Dictionary<string, object?>(model.OtherFlavors ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        if (model.MlNet is { } f)
        {
            var mlnet = new Dictionary<string, object?>
            {
                ["env"] = f.Env,
                ["feature_columns"] = f.FeatureColumns.Cast<object?>().ToList(),
                ["label_column"] = f.LabelColumn,
                ["mlnet_version"] = f.MlNetVersion,
                ["model_file"] = f.ModelFile,
                ["task"] = f.Task,
            };
            // Whole class values as integers, as YAML readers then give them back as the labels' own type.
            if (f.ClassValues is { } classes)
                mlnet["class_values"] = classes.Select(v => v == Math.Floor(v) && Math.Abs(v) < 1e15 ? (object?)(long)v : v).ToList();
            flavors[MlNetFlavor.FlavorName] = mlnet;
        }
        return flavors;
    }

    private static void AddIfSet(Dictionary<string, object?> map, string key, object? value)
    {
        if (value is not null) map[key] = value;
    }

    /// <summary>Python's <c>str(datetime)</c>: microseconds only when non-zero.</summary>
    public static string FormatTime(DateTime utc)
    {
        var micro = (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10);
        var text = utc.ToString(TimeFormat, CultureInfo.InvariantCulture);
        return micro == 0 ? text : text + "." + micro.ToString("000000", CultureInfo.InvariantCulture);
    }

    public static DateTime ParseTime(string text, string source)
    {
        string[] formats = [TimeFormat, TimeFormat + ".ffffff", TimeFormat + ".FFFFFFF"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            return DateTime.SpecifyKind(t, DateTimeKind.Utc);
        throw new ModelFormatException($"{source}: utc_time_created '{text}' is not in MLflow's format 'YYYY-MM-DD HH:MM:SS[.ffffff]'.");
    }

    public static MlModel FromYaml(string text, string source)
    {
        var root = PythonYaml.Load(text, source);
        var reader = new YamlKeys(root, source);
        var flavors = reader.Map("flavors") ?? throw new ModelFormatException($"{source}: missing required key 'flavors'.");
        MlNetFlavor? mlnet = null;
        if (flavors.TryGetValue(MlNetFlavor.FlavorName, out var raw))
        {
            var f = new YamlKeys(raw as Dictionary<string, object?>
                ?? throw new ModelFormatException($"{source}: flavors.mlnet must be a mapping."), source, "flavors.mlnet.");
            mlnet = new MlNetFlavor(
                f.RequiredString("mlnet_version"), f.RequiredString("task"), f.RequiredString("label_column"),
                f.StringList("feature_columns"), f.RequiredString("model_file"), f.String("env") ?? MlModelWriter.EnvironmentFileName,
                f.NumberList("class_values"));
        }
        ModelSignature? signature = null;
        if (reader.Map("signature") is { } sig)
        {
            var s = new YamlKeys(sig, source, "signature.");
            signature = new ModelSignature(
                s.String("inputs") is { } i ? ModelSignature.ParseSchema(i, $"{source}: signature.inputs") : null,
                s.String("outputs") is { } o ? ModelSignature.ParseSchema(o, $"{source}: signature.outputs") : null);
        }
        InputExampleInfo? example = null;
        if (reader.Map("saved_input_example_info") is { } ex)
        {
            var e = new YamlKeys(ex, source, "saved_input_example_info.");
            example = new InputExampleInfo(e.RequiredString("artifact_path"), e.String("type") ?? "dataframe",
                e.String("pandas_orient"), e.String("serving_input_path"));
        }
        return new MlModel(
            ModelUuid: reader.String("model_uuid") ?? "",
            UtcTimeCreated: ParseTime(reader.RequiredString("utc_time_created"), source),
            MlNet: mlnet,
            ArtifactPath: reader.String("artifact_path"),
            RunId: reader.String("run_id"),
            ModelSizeBytes: reader.Long("model_size_bytes"),
            Signature: signature,
            SavedInputExampleInfo: example,
            PipelineVersion: reader.String("pipeline_version"),
            OtherFlavors: flavors.Where(kv => kv.Key != MlNetFlavor.FlavorName).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            ModelId: reader.String("model_id"),
            Prompts: reader.OptionalStringList("prompts"));
    }
}
