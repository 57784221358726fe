using System.Text.RegularExpressions;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores;

/// <summary>MLflow's input rules (<c>mlflow/utils/validation.py</c>): key characters, length and batch limits.</summary>
internal static partial class TrackingValidation
{
    public const int MaxParamsTagsPerBatch = 100;
    public const int MaxMetricsPerBatch = 1000;
    public const int MaxEntitiesPerBatch = 1000;
    public const int MaxParamValueLength = 6000;
    public const int MaxTagValueLength = 8000;
    public const int MaxEntityKeyLength = 250;
    public const int MaxExperimentNameLength = 500;
    public const int MaxExperimentTagKeyLength = 250;
    public const int MaxExperimentTagValueLength = 5000;
    public const int MaxDatasetNameLength = 500;
    public const int MaxDatasetDigestLength = 36;
    public const int MaxDatasetSourceLength = 65535;
    public const int MaxDatasetSchemaLength = 1048575;
    public const int MaxDatasetProfileLength = 16777215;
    public const int MaxInputTagKeyLength = 255;
    public const int MaxInputTagValueLength = 500;
    public const int MaxResultsThreshold = 50000;

    // MLflow allows colons since 2.16 (validate_param_and_metric_name) except on Windows, where its file store uses
    // keys as file names; our stores never do, so colons are allowed everywhere, as on MLflow's Linux servers.
    private const string BadCharactersMessage =
        "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).";

    [GeneratedRegex(@"^[/\w.\- :]*$")]
    private static partial Regex ValidName();

    public static void ValidateMetric(Metric metric)
    {
        ValidateName("metric", metric.Key);
        if (metric.Timestamp < 0)
        {
            throw Invalid($"Got invalid timestamp {metric.Timestamp} for metric '{metric.Key}' (value={metric.Value}). " +
                          "Timestamp must be a nonnegative long (64-bit integer) ");
        }

        ValidateLength("Metric name", MaxEntityKeyLength, metric.Key);
    }

    public static void ValidateParam(Param param)
    {
        ValidateName("parameter", param.Key);
        ValidateLength("Param key", MaxEntityKeyLength, param.Key);
        ValidateLength("Param value", MaxParamValueLength, param.Value);
    }

    public static void ValidateTag(RunTag tag)
    {
        ValidateName("tag", tag.Key);
        ValidateLength("Tag key", MaxEntityKeyLength, tag.Key);
        ValidateLength("Tag value", MaxTagValueLength, tag.Value);
    }

    public static void ValidateExperimentTag(RunTag tag)
    {
        ValidateName("tag", tag.Key);
        ValidateLength("Tag key", MaxExperimentTagKeyLength, tag.Key);
        ValidateLength("Tag value", MaxExperimentTagValueLength, tag.Value);
    }

    public static void ValidateExperimentName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid($"Invalid experiment name: '{name}'");
        }

        if (name.Length > MaxExperimentNameLength)
        {
            throw Invalid($"Experiment name exceeds the maximum length of {MaxExperimentNameLength} characters");
        }
    }

    public static void ValidateBatch(IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags)
    {
        ValidateBatchLimit("metrics", MaxMetricsPerBatch, metrics.Count);
        ValidateBatchLimit("params", MaxParamsTagsPerBatch, parameters.Count);
        ValidateBatchLimit("tags", MaxParamsTagsPerBatch, tags.Count);
        ValidateBatchLimit("metrics, params, and tags", MaxEntitiesPerBatch, metrics.Count + parameters.Count + tags.Count);
        var duplicates = parameters.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        if (duplicates.Count > 0)
        {
            throw Invalid($"Duplicate parameter keys have been submitted: [{string.Join(", ", duplicates)}]. " +
                          "Please ensure the request contains only one param value per param key.");
        }

        foreach (var metric in metrics)
        {
            ValidateMetric(metric);
        }

        foreach (var param in parameters)
        {
            ValidateParam(param);
        }

        foreach (var tag in tags)
        {
            ValidateTag(tag);
        }
    }

    public static void ValidateDatasetInput(DatasetInput input)
    {
        var d = input.Dataset;
        ValidateLength("Dataset name", MaxDatasetNameLength, d.Name);
        ValidateLength("Dataset digest", MaxDatasetDigestLength, d.Digest);
        ValidateLength("Dataset source", MaxDatasetSourceLength, d.Source);
        ValidateLength("Dataset schema", MaxDatasetSchemaLength, d.Schema);
        ValidateLength("Dataset profile", MaxDatasetProfileLength, d.Profile);
        foreach (var tag in input.Tags)
        {
            ValidateLength("Input tag key", MaxInputTagKeyLength, tag.Key);
            ValidateLength("Input tag value", MaxInputTagValueLength, tag.Value);
        }
    }

    public static void ValidateMaxResults(int maxResults)
    {
        if (maxResults < 1 || maxResults > MaxResultsThreshold)
        {
            throw Invalid("Invalid value for request parameter max_results. It must be at most " +
                          $"{MaxResultsThreshold} and at least 1, but got value {maxResults}");
        }
    }

    public static TrackingException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);

    private static void ValidateName(string entity, string? name)
    {
        if (name is null)
        {
            throw Invalid($"{Capitalize(entity)} name cannot be None. A key name must be provided.");
        }

        if (!ValidName().IsMatch(name))
        {
            throw Invalid($"Invalid {entity} name: '{name}'. {BadCharactersMessage}");
        }

        var norm = PosixNormPath(name);
        if (norm != name || norm == "." || norm.StartsWith("..", StringComparison.Ordinal) || norm.StartsWith('/'))
        {
            throw Invalid($"Invalid {entity} name: '{name}'. Names may be treated as files in certain cases, and must " +
                          $"not resolve to other names when treated as such. This name would resolve to '{norm}'");
        }
    }

    private static void ValidateLength(string entity, int limit, string? value)
    {
        if (value is not null && value.Length > limit)
        {
            throw Invalid($"{entity} '{value[..Math.Min(250, value.Length)]}' had length {value.Length}, which exceeded length limit of {limit}");
        }
    }

    private static void ValidateBatchLimit(string entity, int limit, int length)
    {
        if (length > limit)
        {
            throw Invalid($"A batch logging request can contain at most {limit} {entity}. Got {length} {entity}. " +
                          $"Please split up {entity} across multiple requests and try again.");
        }
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Python's <c>posixpath.normpath</c>, which MLflow uses to reject keys that alias other keys as paths.</summary>
    internal static string PosixNormPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var leading = path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal) ? 2
            : path.StartsWith('/') ? 1 : 0;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part != ".." || (leading == 0 && (parts.Count == 0 || parts[^1] == "..")))
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        var result = new string('/', leading) + string.Join('/', parts);
        return result.Length == 0 ? "." : result;
    }
}
