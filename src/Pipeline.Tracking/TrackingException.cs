namespace Pipeline.Tracking;

/// <summary>An error of the tracking layer, carrying MLflow's error code so servers can map it to a status.</summary>
public class TrackingException(ErrorCode code, string message, Exception? inner = null) : Exception(message, inner)
{
    public ErrorCode Code { get; } = code;
}
