namespace Pipeline.Tracking.Registry;

/// <summary>Registration status of a model version; SQL stores create versions READY at once, as MLflow's does.</summary>
public enum ModelVersionStatus
{
    /// <summary><c>READY</c></summary>
    Ready,

    /// <summary><c>PENDING_REGISTRATION</c></summary>
    PendingRegistration,

    /// <summary><c>FAILED_REGISTRATION</c></summary>
    FailedRegistration,
}
