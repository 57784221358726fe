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
        _ => "INTERNAL_ERROR",
    };
}
