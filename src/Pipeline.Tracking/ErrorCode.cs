namespace Pipeline.Tracking;

/// <summary>MLflow's error codes (the <c>error_code</c> field of its REST errors).</summary>
public enum ErrorCode
{
    InternalError,
    InvalidParameterValue,
    ResourceDoesNotExist,
    ResourceAlreadyExists,
    InvalidState,
    BadRequest,

    /// <summary>PERMISSION_DENIED (403): the request names something this server refuses to touch, e.g. a file outside its artifact roots.</summary>
    PermissionDenied,
}

public static class ErrorCodeNames
{
    public static string ToMlflowName(this ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue => "INVALID_PARAMETER_VALUE",
        ErrorCode.ResourceDoesNotExist => "RESOURCE_DOES_NOT_EXIST",
        ErrorCode.ResourceAlreadyExists => "RESOURCE_ALREADY_EXISTS",
        ErrorCode.InvalidState => "INVALID_STATE",
        ErrorCode.BadRequest => "BAD_REQUEST",
        ErrorCode.PermissionDenied => "PERMISSION_DENIED",
        _ => "INTERNAL_ERROR",
    };
}
