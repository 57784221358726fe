namespace Pipeline.Ml.Models;

/// <summary>Re-hashes a model directory's files against its <c>manifest.json</c>.</summary>
public static class ModelDirectoryVerifier
{
    /// <summary>
    /// Every problem found: files missing, corrupt (size or SHA-256 differs) or not in the manifest.
    /// An empty list means the directory is exactly what was written.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="ModelFormatException">The manifest is malformed.</exception>
    public static IReadOnlyList<ModelFileProblem> Verify(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Model directory '{directory}' does not exist.");
        var manifestPath = Path.Combine(directory, ModelManifest.FileName);
        if (!File.Exists(manifestPath))
            return [new(ModelManifest.FileName, ModelFileProblemKind.Missing, $"{ModelManifest.FileName} is missing from '{directory}'; the files cannot be verified.")];
        var manifest = ModelManifest.FromJson(File.ReadAllText(manifestPath), manifestPath);
        var problems = new List<ModelFileProblem>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            listed.Add(entry.Path);
            if (!File.Exists(Path.Combine(directory, entry.Path)))
            {
                problems.Add(new(entry.Path, ModelFileProblemKind.Missing, $"{entry.Path} is listed in the manifest but missing."));
                continue;
            }
            var actual = ModelManifest.Hash(directory, entry.Path);
            if (actual.Size != entry.Size)
                problems.Add(new(entry.Path, ModelFileProblemKind.Corrupt, $"{entry.Path} is corrupt: {actual.Size} bytes, the manifest says {entry.Size}."));
            else if (!string.Equals(actual.Sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
                problems.Add(new(entry.Path, ModelFileProblemKind.Corrupt, $"{entry.Path} is corrupt: SHA-256 {actual.Sha256}, the manifest says {entry.Sha256}."));
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var rel = ModelManifest.RelativePath(directory, file);
            if (rel != ModelManifest.FileName && !listed.Contains(rel))
                problems.Add(new(rel, ModelFileProblemKind.Unexpected, $"{rel} is not listed in the manifest."));
        }
        return problems;
    }
}
