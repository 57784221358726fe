using System.Net.Http.Headers;
using System.Text;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Composition;

/// <summary>
/// What a store or artifact-repository factory may use: the injected environment and clock, one shared HTTP client,
/// and the tracking server when the tracking URI is <c>http(s)://</c> (the server behind <c>mlflow-artifacts:</c> URIs).
/// </summary>
/// <param name="Environment">Where credentials and settings are read (MLflow's variable names).</param>
/// <param name="Time">The clock stores use for creation times and retry delays.</param>
/// <param name="Http">A keep-alive client owned by the <see cref="TrackingBackend"/> that created this context.</param>
/// <param name="TrackingServer">The tracking server's base URI, or null when the store is a database.</param>
public sealed record BackendContext(IEnvironmentVariables Environment, TimeProvider Time, HttpClient Http, Uri? TrackingServer)
{
    /// <summary>
    /// The <c>Authorization</c> header MLflow's client sends to a tracking server: <c>Bearer MLFLOW_TRACKING_TOKEN</c>
    /// when set, else <c>Basic</c> from <c>MLFLOW_TRACKING_USERNAME</c> / <c>MLFLOW_TRACKING_PASSWORD</c>, else none.
    /// </summary>
    public AuthenticationHeaderValue? TrackingAuthorization()
    {
        if (Environment.Get("MLFLOW_TRACKING_TOKEN") is { Length: > 0 } token)
            return new AuthenticationHeaderValue("Bearer", token);
        var user = Environment.Get("MLFLOW_TRACKING_USERNAME");
        var password = Environment.Get("MLFLOW_TRACKING_PASSWORD");
        if (string.IsNullOrEmpty(user) && string.IsNullOrEmpty(password))
            return null;
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
