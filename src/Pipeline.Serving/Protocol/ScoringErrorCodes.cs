namespace Pipeline.Serving.Protocol;

/// <summary>The MLflow error codes (<c>databricks_pb2</c> names) this server answers with.</summary>
public static class ScoringErrorCodes
{
    /// <summary>The request could not be read: format, JSON, CSV, content type, size, value conversion.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The request was read but does not fit the model: missing inputs, bad params (as MLflow's schema enforcement).</summary>
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";

    /// <summary>A server-side fault (a bug in the server or the model), never caused by the request alone.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>No endpoint at the request's path (404).</summary>
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";

    /// <summary>The server has no model loaded yet.</summary>
    public const string TemporarilyUnavailable = "TEMPORARILY_UNAVAILABLE";
}
