using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Ml.Models;

/// <summary>
/// <c>manifest.json</c>: the SHA-256 and size of every file in a model directory but itself, sorted by
/// path, so that a copied or downloaded model can be checked (<see cref="ModelDirectoryVerifier"/>).
/// </summary>
/// <param name="Files">The entries, sorted by path (ordinal).</param>
public sealed record ModelManifest([property: JsonPropertyName("files")] IReadOnlyList<ManifestEntry> Files)
{
    /// <summary>The file name: <c>manifest.json</c>.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Hashes every file under <paramref name="directory"/> except the manifest itself.</summary>
    public static ModelManifest Compute(string directory)
    {
        var entries = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => RelativePath(directory, f))
            .Where(p => p != FileName)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => Hash(directory, p))
            .ToList();
        return new ModelManifest(entries);
    }

    /// <summary>The entry for one file (path relative to the directory, <c>/</c> separators).</summary>
    public static ManifestEntry Hash(string directory, string relativePath)
    {
        using var stream = File.OpenRead(Path.Combine(directory, relativePath));
        var hash = SHA256.HashData(stream);
        return new ManifestEntry(relativePath, Convert.ToHexStringLower(hash), stream.Length);
    }

    internal static string RelativePath(string directory, string file) =>
        Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Parses <c>manifest.json</c>.</summary>
    /// <exception cref="ModelFormatException">Malformed, or an entry lacks a key.</exception>
    public static ModelManifest FromJson(string json, string source)
    {
        ModelManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<ModelManifest>(json, Json); }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source}: not valid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
        if (manifest?.Files is null)
            throw new ModelFormatException($"{source}: missing key 'files'.");
        for (int i = 0; i < manifest.Files.Count; i++)
        {
            var f = manifest.Files[i];
            if (f is null || string.IsNullOrEmpty(f.Path) || string.IsNullOrEmpty(f.Sha256))
                throw new ModelFormatException($"{source}: files[{i}] needs 'path', 'sha256' and 'size'.");
            if (f.Path.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(f.Path))
                throw new ModelFormatException($"{source}: files[{i}] path '{f.Path}' leaves the model directory.");
        }
        return manifest;
    }
}
