using System.Text.RegularExpressions;

namespace Pipeline.Docker;

/// <summary>Checks and derives image repository names and tags by Docker's reference grammar.</summary>
public static partial class ImageReference
{
    /// <summary>True for a repository path such as <c>iris-classifier</c> or <c>registry:5000/team/model</c>.</summary>
    public static bool IsValidRepository(string? name) => name is { Length: > 0 and <= 255 } && RepositoryPattern().IsMatch(name);

    /// <summary>True for a tag: up to 128 of letters, digits, '_', '.', '-', not starting with '.' or '-'.</summary>
    public static bool IsValidTag(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    /// <summary>
    /// A repository name derived from a model name: lowercased, runs of other characters replaced by '-'
    /// (<c>"Iris Classifier"</c> → <c>iris-classifier</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Nothing usable is left of <paramref name="modelName"/>.</exception>
    public static string RepositoryFor(string modelName)
    {
        var name = InvalidRun().Replace(modelName.ToLowerInvariant(), "-").Trim('-', '.', '_');
        if (!IsValidRepository(name))
            throw new ArgumentException($"Model name '{modelName}' gives no valid image repository name; set ImageRepository.");
        return name;
    }

    [GeneratedRegex(@"^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex InvalidRun();
}
