namespace Pipeline.Tracking.Sweeps;

/// <summary>
/// A worker tried to join a sweep whose queue was created for other trials (another search space under the same sweep id).
/// RESOURCE_ALREADY_EXISTS (400) on the wire: the one error <c>create-or-join</c> answers with that code, so the REST queue
/// can raise this type again.
/// </summary>
public sealed class SweepQueueMismatchException(string message) : TrackingException(ErrorCode.ResourceAlreadyExists, message);
