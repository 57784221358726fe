namespace Pipeline.Tracking.Registry;

/// <summary>MLflow's spelling of <see cref="ModelVersionStatus"/>.</summary>
public static class ModelVersionStatusNames
{
    public static string ToMlflowName(this ModelVersionStatus status) => status switch
    {
        ModelVersionStatus.PendingRegistration => "PENDING_REGISTRATION",
        ModelVersionStatus.FailedRegistration => "FAILED_REGISTRATION",
        _ => "READY",
    };

    /// <summary>Parses MLflow's name; an unknown name is INVALID_PARAMETER_VALUE.</summary>
    public static ModelVersionStatus Parse(string name) => name switch
    {
        "READY" => ModelVersionStatus.Ready,
        "PENDING_REGISTRATION" => ModelVersionStatus.PendingRegistration,
        "FAILED_REGISTRATION" => ModelVersionStatus.FailedRegistration,
        _ => throw new TrackingException(ErrorCode.InvalidParameterValue,
            $"Invalid model version status '{name}'. Expected one of READY, PENDING_REGISTRATION, FAILED_REGISTRATION."),
    };
}
