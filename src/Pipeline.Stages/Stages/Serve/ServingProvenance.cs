using System.Security.Cryptography;
using Pipeline.Docker;
using Pipeline.Ml.Models;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// What a serving image says about where it came from, beside the OCI labels the builder sets (title, version,
/// created, revision): the OCI source URL, the model URI, the sha256 of the model's manifest and the dataset digest.
/// </summary>
internal static class ServingProvenance
{
    public static IReadOnlyDictionary<string, string> Labels(ModelVersion version, Run pipelineRun, string modelDirectory)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ImageLabels.ModelUri] = $"models:/{version.Name}/{version.Version}",
        };
        var manifest = Path.Combine(modelDirectory, ModelManifest.FileName);
        if (File.Exists(manifest))
            labels[ImageLabels.ModelSha256] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifest)));
        if (pipelineRun.Data.Param("data.digest") is { } digest)
            labels[ImageLabels.DatasetDigest] = digest;
        return labels;
    }

    /// <summary>
    /// OCI's <c>source</c> is a URL a browser opens: a remote like <c>git@github.com:team/repo.git</c> becomes
    /// <c>https://github.com/team/repo</c>; credentials in an HTTPS remote are dropped; anything else is left out.
    /// </summary>
    public static string? SourceUrl(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
            return null;
        var value = remote.Trim();
        if (value.StartsWith("git@", StringComparison.Ordinal) && value.IndexOf(':') is var colon and > 4)
            value = $"https://{value[4..colon]}/{value[(colon + 1)..]}";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return null;
        var clean = new UriBuilder(uri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path);
        return clean.EndsWith(".git", StringComparison.Ordinal) ? clean[..^4] : clean;
    }
}
