namespace Pipeline.Ml.Models;

/// <summary>Reads a model directory's <c>MLmodel</c>, input example and environment back.</summary>
public static class MlModelReader
{
    /// <summary>Reads <c>MLmodel</c> from a model directory, or from the file path itself.</summary>
    /// <exception cref="FileNotFoundException">No MLmodel file there.</exception>
    /// <exception cref="ModelFormatException">The file is malformed; names the key.</exception>
    public static MlModel Read(string directoryOrFile)
    {
        var path = Directory.Exists(directoryOrFile) ? Path.Combine(directoryOrFile, MlModel.FileName) : directoryOrFile;
        if (!File.Exists(path))
            throw new FileNotFoundException($"Could not find an \"{MlModel.FileName}\" configuration file at \"{path}\".", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses MLmodel YAML text; <paramref name="source"/> names it in errors.</summary>
    public static MlModel Parse(string yaml, string source = MlModel.FileName) => MlModelYaml.FromYaml(yaml, source);

    /// <summary>Writes MLmodel YAML text exactly as <see cref="MlModelWriter"/> does.</summary>
    public static string ToYaml(MlModel model) => MlModelYaml.ToYaml(model);

    /// <summary>The saved input example's columns and rows (JSON cells as <c>JsonElement</c>), or null when there is none.</summary>
    /// <exception cref="FileNotFoundException">MLmodel names an example file that is absent.</exception>
    /// <exception cref="ModelFormatException">The example is not in the split orient.</exception>
    public static InputExample? ReadInputExample(string directory, MlModel model)
    {
        if (model.SavedInputExampleInfo is not { } info) return null;
        var path = Path.Combine(directory, info.ArtifactPath);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        if (root.ValueKind != System.Text.Json.JsonValueKind.Object
            || !root.TryGetProperty("columns", out var cols) || !root.TryGetProperty("data", out var data))
            throw new ModelFormatException($"{path}: expected {{\"columns\": [...], \"data\": [[...]]}} (pandas split orient).");
        var columns = cols.EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        var rows = data.EnumerateArray()
            .Select(r => (IReadOnlyList<object?>)r.EnumerateArray().Select(c => (object?)c.Clone()).ToList()).ToList();
        return new InputExample(columns, rows);
    }

    /// <summary>Reads the flavor's environment file (<c>dotnet_env.json</c>).</summary>
    public static ModelEnvironment ReadEnvironment(string directory, MlModel model)
    {
        var name = model.MlNet?.Env ?? MlModelWriter.EnvironmentFileName;
        var path = Path.Combine(directory, name);
        return ModelEnvironment.FromJson(File.ReadAllText(path), path);
    }
}
