using Pipeline.Stages.Running;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>What a sweep worker works with besides its trials: the shared queue, the reaper of dead workers' trials, output and time.</summary>
internal sealed record SweepWorkerServices(ITrialQueue Queue, TrialReaper Reaper, IStageReporter Reporter, TimeProvider Time);
