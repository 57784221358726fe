using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Tracking.Sweeps;

/// <summary>
/// The trial queue over HTTP: our tracking server's <c>/api/2.0/pipeline/sweeps/...</c> extension beside MLflow's API
/// (MLflow has no such endpoints; an MLflow server answers 404). Every call is a POST with a JSON body; names are
/// snake_case and states upper case (<c>QUEUED</c>), as in MLflow's API.
/// </summary>
public static class TrialQueueWire
{
    /// <summary>The path prefix, relative to the server's root.</summary>
    public const string Prefix = "api/2.0/pipeline/sweeps/";

    /// <summary>The serializer options of both sides.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body of every call but <c>create-or-join</c>; each names the fields it uses.</summary>
    public sealed record Call(
        string SweepId,
        string? WorkerId = null,
        int? Number = null,
        string? RunId = null,
        string? Configuration = null,
        TrialState? State = null,
        string? Error = null,
        long? StaleAfterMs = null);

    /// <summary>The answer of the calls that say whether the worker still holds its trial.</summary>
    public sealed record Held(bool Value);

    /// <summary>The answer of <c>claim</c> and <c>get</c>: absent when there is nothing.</summary>
    public sealed record Maybe<T>(T? Value);
}
