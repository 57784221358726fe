namespace Pipeline.Tracking.Stores.Rest;

/// <summary>MLflow's <c>error_code</c> names back to <see cref="ErrorCode"/>; codes this library has no member for are INTERNAL_ERROR.</summary>
internal static class MlflowErrorCodes
{
    public static ErrorCode Parse(string? name) => name switch
    {
        "INVALID_PARAMETER_VALUE" => ErrorCode.InvalidParameterValue,
        "RESOURCE_DOES_NOT_EXIST" or "ENDPOINT_NOT_FOUND" or "NOT_FOUND" => ErrorCode.ResourceDoesNotExist,
        "RESOURCE_ALREADY_EXISTS" => ErrorCode.ResourceAlreadyExists,
        "INVALID_STATE" => ErrorCode.InvalidState,
        "BAD_REQUEST" or "MALFORMED_REQUEST" => ErrorCode.BadRequest,
        "PERMISSION_DENIED" => ErrorCode.PermissionDenied,
        _ => ErrorCode.InternalError,
    };
}
