using System.Text.Json.Serialization;

namespace Pipeline.Ml.Models;

/// <summary>One file of a model directory in <c>manifest.json</c>.</summary>
/// <param name="Path">The path relative to the model directory, with <c>/</c> separators.</param>
/// <param name="Sha256">The SHA-256 of the content, lower-case hex.</param>
/// <param name="Size">The size in bytes.</param>
public sealed record ManifestEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("size")] long Size);
