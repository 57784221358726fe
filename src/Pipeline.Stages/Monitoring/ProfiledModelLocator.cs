using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Ml.Models;
using Pipeline.Ml.Profiling;
using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Finds a model's training profile: in a local model directory, or in a registered version's artifacts
/// (<c>models:/name@alias</c>, <c>models:/name/3</c>) without downloading the rest of the model. The profile is checked
/// against the model's <c>manifest.json</c>, as every file of a model is.
/// </summary>
public static class ProfiledModelLocator
{
    /// <summary>True when <paramref name="model"/> needs the tracking store (a <c>models:</c> or <c>runs:</c> URI).</summary>
    public static bool NeedsStore(string model) =>
        model.StartsWith("models:", StringComparison.Ordinal) || model.StartsWith("runs:", StringComparison.Ordinal);

    /// <summary>Reads the profile of a model directory.</summary>
    /// <exception cref="PipelineException">No such directory, no profile, or a profile that does not match the manifest.</exception>
    public static ProfiledModel FromDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
            throw new PipelineException($"There is no model directory at {full} (--model takes a directory, models:/NAME@ALIAS or models:/NAME/VERSION).");
        var profilePath = Path.Combine(full, TrainingProfile.FileName);
        if (!File.Exists(profilePath))
            throw new PipelineException(NoProfile(full));
        var manifest = Path.Combine(full, ModelManifest.FileName);
        var bytes = File.ReadAllBytes(profilePath);
        var uuid = File.Exists(Path.Combine(full, MlModel.FileName)) ? MlModelReader.Read(full).ModelUuid : null;
        return new ProfiledModel(Parse(bytes, File.Exists(manifest) ? File.ReadAllText(manifest) : null, full), full, null, uuid);
    }

    /// <summary>Reads the profile of the registered version a <c>models:/</c> or <c>runs:/</c> URI names.</summary>
    /// <exception cref="TrackingException">The URI is malformed (INVALID_PARAMETER_VALUE) or names nothing (RESOURCE_DOES_NOT_EXIST).</exception>
    /// <exception cref="PipelineException">The version has no profile, or one that does not match its manifest.</exception>
    public static async Task<ProfiledModel> FromStoreAsync(
        string uri, IModelRegistry registry, ITrackingStore store, ArtifactRepositoryRegistry artifacts, CancellationToken ct = default)
    {
        var parsed = ModelUri.Parse(uri);
        ResolvedModelUri resolved;
        try
        {
            resolved = await new ModelUriResolver(registry, store).ResolveAsync(parsed, ct);
        }
        catch (TrackingException e)
        {
            // The URI parsed, so what failed is a lookup: name the URI, since "alias champion not found" does not say of which model.
            throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"{uri}: {e.Message}", e);
        }

        var repository = artifacts.Open(resolved.ArtifactUri);
        var bytes = await ReadAsync(repository, TrainingProfile.FileName, ct) ?? throw new PipelineException(NoProfile(uri));
        var manifest = await ReadAsync(repository, ModelManifest.FileName, ct);
        var version = resolved.Version?.Version.ToString(CultureInfo.InvariantCulture);
        return new ProfiledModel(Parse(bytes, manifest is null ? null : Encoding.UTF8.GetString(manifest), uri), uri, resolved.Version?.Name, version);
    }

    private static TrainingProfile Parse(byte[] bytes, string? manifestJson, string source)
    {
        if (manifestJson is not null)
        {
            var entry = ModelManifest.FromJson(manifestJson, $"{source}/{ModelManifest.FileName}").Files.FirstOrDefault(f => f.Path == TrainingProfile.FileName)
                ?? throw new PipelineException($"{source}: {TrainingProfile.FileName} is not listed in {ModelManifest.FileName}; it was not written with the model.");
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new PipelineException($"{source}: {TrainingProfile.FileName} is corrupt: SHA-256 {sha}, {ModelManifest.FileName} says {entry.Sha256}.");
        }

        try
        {
            return TrainingProfile.FromJson(Encoding.UTF8.GetString(bytes), $"{source}/{TrainingProfile.FileName}");
        }
        catch (ModelFormatException e)
        {
            throw new PipelineException(e.Message, e);
        }
    }

    private static async Task<byte[]?> ReadAsync(IArtifactRepository repository, string path, CancellationToken ct)
    {
        try
        {
            await using var stream = await repository.OpenReadAsync(path, ct);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException || e is TrackingException { Code: ErrorCode.ResourceDoesNotExist })
        {
            return null;
        }
    }

    private static string NoProfile(string model) =>
        $"{model} has no {TrainingProfile.FileName}: it was packaged before training profiles were recorded; package it again (pipeline run package --exclusive --force) to write one.";
}
