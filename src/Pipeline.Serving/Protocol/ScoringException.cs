using Microsoft.AspNetCore.Http;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// A request the server refuses, answered as <c>{"error_code": ..., "message": ...}</c> with
/// <see cref="StatusCode"/>. Models may throw it from <c>Predict</c> for input they reject; any other
/// exception from a model is treated as a server fault (500).
/// </summary>
public sealed class ScoringException : Exception
{
    /// <summary>Creates the error; <paramref name="statusCode"/> defaults to 400, <paramref name="errorCode"/> to <c>BAD_REQUEST</c>.</summary>
    public ScoringException(string message, string errorCode = ScoringErrorCodes.BadRequest, int statusCode = StatusCodes.Status400BadRequest)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>MLflow error code, e.g. <c>BAD_REQUEST</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>HTTP status code (4xx).</summary>
    public int StatusCode { get; }

    /// <summary>MLflow's <c>MlflowInvalidInputException</c>: a 400 BAD_REQUEST whose message starts "Invalid input. ".</summary>
    internal static ScoringException InvalidInput(string message) => new($"Invalid input. {message}");

    /// <summary>A 400 INVALID_PARAMETER_VALUE, the code MLflow gives schema enforcement and params errors.</summary>
    internal static ScoringException InvalidParameter(string message) => new(message, ScoringErrorCodes.InvalidParameterValue);
}
