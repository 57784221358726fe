using Pipeline.Ml.Models;

namespace Pipeline.Ml.Packaging;

/// <summary>
/// A model directory whose files do not match its <c>manifest.json</c> (missing or corrupt files), so it
/// is refused before anything is loaded. The message lists every problem.
/// </summary>
public sealed class ModelVerificationException : Exception
{
    /// <summary>Creates the exception for the problems found in <paramref name="directory"/>.</summary>
    public ModelVerificationException(string directory, IReadOnlyList<ModelFileProblem> problems)
        : base($"Model directory '{directory}' does not match its manifest and will not be loaded: {string.Join(" ", problems.Select(p => p.Message))}")
    {
        Directory = directory;
        Problems = problems;
    }

    /// <summary>The model directory.</summary>
    public string Directory { get; }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<ModelFileProblem> Problems { get; }
}
