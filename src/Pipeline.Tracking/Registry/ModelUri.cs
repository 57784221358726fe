namespace Pipeline.Tracking.Registry;

/// <summary>
/// A parsed model URI, read as MLflow reads it: <c>models:/&lt;name&gt;/&lt;version&gt;</c>, <c>models:/&lt;name&gt;@&lt;alias&gt;</c>,
/// <c>models:/&lt;name&gt;/latest</c>, <c>models:/&lt;name&gt;/&lt;stage&gt;</c>, or <c>runs:/&lt;run_id&gt;/&lt;path&gt;</c>.
/// Only the fields of its <see cref="Kind"/> are set.
/// </summary>
public sealed record ModelUri(ModelUriKind Kind, string? Name = null, long? Version = null, string? Alias = null, string? Stage = null, string? RunId = null, string? Path = null)
{
    /// <summary>Parses <paramref name="uri"/>; INVALID_PARAMETER_VALUE with MLflow's explanation when it is malformed.</summary>
    public static ModelUri Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.StartsWith("runs:", StringComparison.Ordinal))
        {
            return ParseRuns(uri);
        }

        if (!uri.StartsWith("models:/", StringComparison.Ordinal) || uri.Length == "models:/".Length)
        {
            throw ImproperModels(uri);
        }

        var parts = uri["models:/".Length..].TrimStart('/').Split('/');
        if (parts.Length > 2 || parts[0].Trim().Length == 0)
        {
            throw ImproperModels(uri);
        }

        if (parts.Length == 2)
        {
            var (name, suffix) = (parts[0], parts[1]);
            if (suffix.Trim().Length == 0)
            {
                throw ImproperModels(uri);
            }

            if (suffix.All(char.IsAsciiDigit))
            {
                return long.TryParse(suffix, out var version) ? new ModelUri(ModelUriKind.Version, name, Version: version) : throw ImproperModels(uri);
            }

            return string.Equals(suffix, "latest", StringComparison.OrdinalIgnoreCase)
                ? new ModelUri(ModelUriKind.Latest, name)
                : new ModelUri(ModelUriKind.Stage, name, Stage: suffix);
        }

        var at = parts[0].LastIndexOf('@');
        if (at <= 0 || parts[0][(at + 1)..].Trim().Length == 0)
        {
            // models:/<model_id> names an MLflow 3 logged model, which this registry does not keep.
            throw ImproperModels(uri);
        }

        return new ModelUri(ModelUriKind.Alias, parts[0][..at], Alias: parts[0][(at + 1)..]);
    }

    /// <summary>The URI in canonical form.</summary>
    public override string ToString() => Kind switch
    {
        ModelUriKind.Version => $"models:/{Name}/{Version}",
        ModelUriKind.Alias => $"models:/{Name}@{Alias}",
        ModelUriKind.Latest => $"models:/{Name}/latest",
        ModelUriKind.Stage => $"models:/{Name}/{Stage}",
        _ => $"runs:/{RunId}/{Path}",
    };

    private static ModelUri ParseRuns(string uri)
    {
        // MLflow: "runs:/<run_id>/run-relative/path/to/artifact"; the path may be empty.
        if (!uri.StartsWith("runs:/", StringComparison.Ordinal))
        {
            throw ImproperRuns(uri);
        }

        var rest = uri["runs:/".Length..].TrimStart('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var runId = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        return runId.Length > 0 && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? new ModelUri(ModelUriKind.Run, RunId: runId, Path: path)
            : throw ImproperRuns(uri);
    }

    private static TrackingException ImproperModels(string uri) => new(ErrorCode.InvalidParameterValue,
        $"Not a proper models:/ URI: {uri}. Models URIs must be of the form 'models:/model_name/suffix' or " +
        "'models:/model_name@alias' where suffix is a model version, stage, or the string 'latest' and where alias " +
        "is a registered model alias. Only one of suffix or alias can be defined at a time.");

    private static TrackingException ImproperRuns(string uri) => new(ErrorCode.InvalidParameterValue,
        $"Not a proper runs:/ URI: {uri}. Runs URIs must be of the form 'runs:/<run_id>/run-relative/path/to/artifact'");
}
