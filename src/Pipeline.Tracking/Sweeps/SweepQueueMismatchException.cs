namespace Pipeline.Tracking.Sweeps;

/// <summary>A worker tried to join a sweep whose queue was created for other trials (another search space under the same sweep id).</summary>
public sealed class SweepQueueMismatchException(string message) : TrackingException(ErrorCode.InvalidParameterValue, message);
