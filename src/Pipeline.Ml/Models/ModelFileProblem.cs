namespace Pipeline.Ml.Models;

/// <summary>What is wrong with one file of a model directory.</summary>
public enum ModelFileProblemKind
{
    /// <summary>Listed in the manifest but absent (or the manifest itself is absent).</summary>
    Missing,
    /// <summary>Present but its size or SHA-256 differs from the manifest.</summary>
    Corrupt,
    /// <summary>Present but not listed in the manifest.</summary>
    Unexpected,
}

/// <summary>One problem found by <see cref="ModelDirectoryVerifier"/>.</summary>
/// <param name="Path">The file, relative to the model directory.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence naming the file and, for corrupt files, expected and actual size/hash.</param>
public sealed record ModelFileProblem(string Path, ModelFileProblemKind Kind, string Message);
