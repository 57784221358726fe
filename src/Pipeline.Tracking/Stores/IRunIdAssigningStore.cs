using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores;

/// <summary>
/// A store that can create a run under an id the caller chose. A deterministic id makes find-or-create race-free:
/// of two processes creating the same id at once, the store's primary key lets one win and tells the other
/// (<see cref="ErrorCode.ResourceAlreadyExists"/>), which then reads the winner's run. The SQL stores implement it;
/// MLflow's REST API has no such call.
/// </summary>
public interface IRunIdAssigningStore
{
    /// <summary>Creates a run as <see cref="ITrackingStore.CreateRunAsync"/> does, with id <paramref name="runId"/> (32 lowercase hex characters).</summary>
    /// <exception cref="TrackingException"><see cref="ErrorCode.ResourceAlreadyExists"/> when a run with that id exists.</exception>
    Task<Run> CreateRunWithIdAsync(string runId, string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct = default);
}
