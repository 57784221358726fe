using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Registry;

/// <summary>MLflow's registry input rules (<c>mlflow/utils/validation.py</c>): names, versions, aliases, tags.</summary>
public static partial class RegistryValidation
{
    /// <summary>Longest alias MLflow accepts: 255 characters.</summary>
    public const int MaxAliasLength = 255;

    /// <summary>Longest registry tag key: 250 characters.</summary>
    public const int MaxTagKeyLength = 250;

    /// <summary>Longest registry tag value: 5000 characters.</summary>
    public const int MaxTagValueLength = 5000;

    [GeneratedRegex(@"^[\w\-]*$")]
    private static partial Regex AliasCharacters();

    [GeneratedRegex(@"^[vV]\d+$")]
    private static partial Regex VersionLikeAlias();

    /// <summary>A model name must be present: "Missing value for required parameter 'name'."</summary>
    public static void ValidateModelName(string? name, string parameter = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid($"Missing value for required parameter '{parameter}'.");
        }
    }

    /// <summary>Parses a version given as text; "Parameter 'version' must be an integer, got 'x'." otherwise.</summary>
    public static long ParseVersion(string? version) =>
        long.TryParse(version, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"Parameter 'version' must be an integer, got '{version}'.");

    /// <summary>Applies MLflow's alias rules, in its order, with its messages.</summary>
    public static void ValidateAlias(string? alias)
    {
        if (string.IsNullOrEmpty(alias))
        {
            throw Invalid("Registered model alias name cannot be empty.");
        }

        if (!AliasCharacters().IsMatch(alias))
        {
            throw Invalid($"Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).");
        }

        if (alias.Length > MaxAliasLength)
        {
            throw Invalid($"'Registered model alias name' exceeds the maximum length of {MaxAliasLength} characters");
        }

        if (string.Equals(alias, "latest", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("'latest' alias name (case insensitive) is reserved.");
        }

        if (VersionLikeAlias().IsMatch(alias))
        {
            throw Invalid($"Version alias name '{alias}' is reserved.");
        }
    }

    /// <summary>
    /// The canonical spelling of a transition's target stage (matching ignores case). INVALID_PARAMETER_VALUE when the stage
    /// is missing or unknown, or when <paramref name="archiveExistingVersions"/> is asked for a stage other than Staging or
    /// Production, with MLflow's messages.
    /// </summary>
    public static string ValidateTransitionStage(string? stage, bool archiveExistingVersions)
    {
        if (stage is null)
        {
            throw Invalid("Missing value for required parameter 'stage'.");
        }

        var canonical = ModelVersionStages.Canonical(stage);
        if (archiveExistingVersions && !ModelVersionStages.Active.Contains(canonical))
        {
            // MLflow's store raises this without an error code (INTERNAL_ERROR, HTTP 500); it is the caller's mistake, so a 400 here.
            throw Invalid($"Model version transition cannot archive existing model versions because '{stage}' is not an Active stage. " +
                $"Valid stages are [{string.Join(", ", ModelVersionStages.Active.Select(s => $"'{s}'"))}]");
        }

        return canonical;
    }

    /// <summary>Tag keys follow the tracking key rules; keys up to 250 and values up to 5000 characters.</summary>
    public static void ValidateTag(RegistryTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        // Registry tags share the experiment tags' key rules and limits (250 / 5000).
        TrackingValidation.ValidateExperimentTag(new RunTag(tag.Key, tag.Value));
    }

    /// <summary>A tag key to delete must be a valid key.</summary>
    public static void ValidateTagKey(string? key)
    {
        if (key is null)
        {
            throw Invalid("Missing value for required parameter 'key'.");
        }

        TrackingValidation.ValidateExperimentTag(new RunTag(key, ""));
    }

    internal static void ValidateMaxResults(int maxResults, int threshold)
    {
        if (maxResults < 1)
        {
            throw Invalid($"Invalid value for max_results. It must be a positive integer, but got {maxResults}");
        }

        if (maxResults > threshold)
        {
            throw Invalid($"Invalid value for request parameter max_results. It must be at most {threshold}, but got value {maxResults}");
        }
    }

    internal static TrackingException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);
}
