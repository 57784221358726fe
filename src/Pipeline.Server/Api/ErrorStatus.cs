using Pipeline.Tracking;

namespace Pipeline.Server.Api;

/// <summary>MLflow's mapping of error codes to HTTP statuses (<c>mlflow/exceptions.py</c>).</summary>
internal static class ErrorStatus
{
    public static int Of(ErrorCode code) => code switch
    {
        ErrorCode.ResourceDoesNotExist => 404,
        ErrorCode.InvalidParameterValue or ErrorCode.ResourceAlreadyExists or ErrorCode.BadRequest => 400,
        ErrorCode.PermissionDenied => 403,
        // INVALID_STATE is a server-side 500 in MLflow, as INTERNAL_ERROR.
        _ => 500,
    };
}
