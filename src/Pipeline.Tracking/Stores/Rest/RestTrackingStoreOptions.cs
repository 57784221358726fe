using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Stores.Rest;

/// <summary>How <see cref="RestTrackingStore"/> talks to a tracking server.</summary>
public sealed record RestTrackingStoreOptions
{
    /// <summary>Time allowed for one attempt of a request; default 120 s (MLflow's <c>MLFLOW_HTTP_REQUEST_TIMEOUT</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt on 429, 502, 503, 504, a 500 without an MLflow error body, a timeout or a
    /// connection failure; default 5.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Delay before the first retry, doubled for each further one; default 500 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest delay between retries; default 30 s. A 429's <c>Retry-After</c> is honoured up to this.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bearer token sent as <c>Authorization: Bearer</c>; none by default.</summary>
    public string? Token { get; init; }

    /// <summary>User for basic authentication (with <see cref="Password"/>); none by default.</summary>
    public string? Username { get; init; }

    /// <summary>Password for basic authentication.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Options from MLflow's client variables: <c>MLFLOW_TRACKING_TOKEN</c>, <c>MLFLOW_TRACKING_USERNAME</c>,
    /// <c>MLFLOW_TRACKING_PASSWORD</c>, <c>MLFLOW_HTTP_REQUEST_TIMEOUT</c> (seconds), <c>MLFLOW_HTTP_REQUEST_MAX_RETRIES</c>.
    /// </summary>
    public static RestTrackingStoreOptions FromEnvironment(IEnvironmentVariables env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var options = new RestTrackingStoreOptions
        {
            Token = env.Get("MLFLOW_TRACKING_TOKEN"),
            Username = env.Get("MLFLOW_TRACKING_USERNAME"),
            Password = env.Get("MLFLOW_TRACKING_PASSWORD"),
        };
        if (int.TryParse(env.Get("MLFLOW_HTTP_REQUEST_TIMEOUT"), out var seconds) && seconds > 0)
            options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
        if (int.TryParse(env.Get("MLFLOW_HTTP_REQUEST_MAX_RETRIES"), out var retries) && retries >= 0)
            options = options with { MaxRetries = retries };
        return options;
    }
}
