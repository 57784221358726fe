using System.Text;

namespace Pipeline.Ml.Models;

/// <summary>
/// Writes an MLflow model directory for an ML.NET model:
/// <c>model.zip</c> (the flavor's model file), <c>input_example.json</c> and <c>serving_input_example.json</c>
/// (when an example is given), <c>training_profile.json</c> (when a profile is given), <c>MLmodel</c>, <c>dotnet_env.json</c>
/// and <c>manifest.json</c>, which lists every other file with its SHA-256.
/// <c>model_size_bytes</c> counts the files written before <c>MLmodel</c>, as MLflow does.
/// </summary>
/// <param name="time">The clock for <c>utc_time_created</c>; default <see cref="TimeProvider.System"/>.</param>
public sealed class MlModelWriter(TimeProvider? time = null)
{
    /// <summary>The environment file's name: <c>dotnet_env.json</c>.</summary>
    public const string EnvironmentFileName = "dotnet_env.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Writes the directory, copying the model file from <paramref name="modelFilePath"/>.</summary>
    public MlModel Write(string directory, ModelPackage package, string modelFilePath)
    {
        using var stream = File.OpenRead(modelFilePath);
        return Write(directory, package, stream);
    }

    /// <summary>Writes the directory, the model file's bytes read from <paramref name="modelContent"/>.</summary>
    /// <param name="directory">The model directory; created if absent, and must be empty if present.</param>
    /// <param name="package">The metadata to write.</param>
    /// <param name="modelContent">The ML.NET model (e.g. what <c>MLContext.Model.Save</c> wrote).</param>
    /// <returns>The MLmodel content as written.</returns>
    /// <exception cref="IOException">The directory exists and is not empty.</exception>
    /// <exception cref="ArgumentException">The example does not fit the signature or is ragged; the flavor's file name is unsafe.</exception>
    public MlModel Write(string directory, ModelPackage package, Stream modelContent)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(modelContent);
        CheckPackage(package);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new IOException($"Model directory '{directory}' is not empty; write each model to a new directory.");
        Directory.CreateDirectory(directory);

        using (var file = File.Create(Path.Combine(directory, package.Flavor.ModelFile)))
            modelContent.CopyTo(file);
        InputExampleInfo? exampleInfo = null;
        if (package.Example is { } example)
        {
            exampleInfo = new InputExampleInfo();
            File.WriteAllText(Path.Combine(directory, exampleInfo.ArtifactPath), example.ToInputExampleJson(), Utf8);
            File.WriteAllText(Path.Combine(directory, exampleInfo.ServingInputPath!), example.ToServingInputJson(), Utf8);
        }
        if (package.Profile is { } profile)
            File.WriteAllText(Path.Combine(directory, Profiling.TrainingProfile.FileName), profile.ToJson(), Utf8);
        long size = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        var model = new MlModel(
            ModelUuid: Guid.NewGuid().ToString("N"),
            UtcTimeCreated: _time.GetUtcNow().UtcDateTime,
            MlNet: package.Flavor,
            ArtifactPath: package.ArtifactPath,
            RunId: package.RunId,
            ModelSizeBytes: size,
            Signature: package.Signature,
            SavedInputExampleInfo: exampleInfo,
            PipelineVersion: package.PipelineVersion);
        File.WriteAllText(Path.Combine(directory, MlModel.FileName), MlModelYaml.ToYaml(model), Utf8);
        File.WriteAllText(Path.Combine(directory, package.Flavor.Env), package.Environment.ToJson(), Utf8);
        File.WriteAllText(Path.Combine(directory, ModelManifest.FileName), ModelManifest.Compute(directory).ToJson(), Utf8);
        return model;
    }

    private static void CheckPackage(ModelPackage package)
    {
        foreach (var name in new[] { package.Flavor.ModelFile, package.Flavor.Env })
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains('\\') || name.Contains("..")
                || name is MlModel.FileName or ModelManifest.FileName or InputExampleInfo.DefaultFileName or InputExampleInfo.DefaultServingFileName
                    or Profiling.TrainingProfile.FileName)
                throw new ArgumentException($"'{name}' cannot be used as a file name in the model directory.", nameof(package));
        }
        if (package.Flavor.ModelFile == package.Flavor.Env)
            throw new ArgumentException("The model file and the environment file need different names.", nameof(package));
        if (package.Example is not { } example) return;
        example.Validate();
        if (package.Signature?.Inputs is { } inputs && inputs.All(c => c.Name is not null))
        {
            var columns = example.Columns.Select((c, i) => (c, i))
                .ToDictionary(x => x.c, x => (IReadOnlyList<object?>)example.Rows.Select(r => r[x.i]).ToList(), StringComparer.Ordinal);
            var result = SignatureValidator.Validate(inputs, columns);
            if (!result.IsValid)
                throw new ArgumentException("The input example does not fit the signature: " + result.Message, nameof(package));
        }
    }
}
