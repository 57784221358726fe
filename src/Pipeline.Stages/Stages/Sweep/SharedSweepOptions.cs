using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>A sweep shared by workers: the store's trial queue and the sweep's id there.</summary>
/// <param name="Queue">The trial queue beside the runs (SQL stores, our tracking server).</param>
/// <param name="Store">The tracking store, for ending runs abandoned by dead workers.</param>
/// <param name="SweepId">The Sweep stage's fingerprint or the <c>--sweep-id</c> given.</param>
/// <param name="WorkerId">This worker, <c>host/pid/processStartUnixMs</c>.</param>
public sealed record SharedSweepOptions(ITrialQueue Queue, ITrackingStore Store, string SweepId, string WorkerId);
