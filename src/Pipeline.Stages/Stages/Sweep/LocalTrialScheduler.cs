using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>What the scheduler ran: every started trial's outcome, and how many declared trials it never started.</summary>
internal sealed record ScheduledTrials(IReadOnlyList<TrialOutcome> Outcomes, int NotRun, string? StopReason);

/// <summary>
/// The in-process trial loop: asks the sampler for trial n when a slot is free (up to the parallelism), so each
/// sample sees every finished trial and, as running, every trial still training. With parallelism 1 each trial is
/// sampled after the previous one ended, which makes a seeded sweep repeatable. Stops starting trials when the
/// stop rules say so. A distributed trial queue replaces this class, not the sampler or the trial runner.
/// </summary>
internal sealed class LocalTrialScheduler(ITrialSampler sampler, TrialHistory history, SweepStopRules stop, string metric, int trials, int parallelism)
{
    public async Task<ScheduledTrials> RunAsync(Func<TrialConfiguration, CancellationToken, Task<TrialOutcome>> run, Action<TrialOutcome> completed, CancellationToken ct)
    {
        var outcomes = new List<TrialOutcome>();
        var running = new List<Task<TrialOutcome>>();
        var next = 0;
        while (true)
        {
            while (next < trials && running.Count < parallelism && !stop.TimedOut() && stop.Reason is null)
            {
                var configuration = sampler.Sample(next, history.Snapshot());
                history.Start(next, configuration);
                running.Add(Task.Run(() => run(configuration, ct), ct));
                next++;
            }

            if (running.Count == 0) break;
            var done = await Task.WhenAny(running);
            running.Remove(done);
            var outcome = await done;
            history.Finish(outcome.Trial.Index, outcome.State, outcome.Metrics.TryGetValue(metric, out var v) ? v : null);
            outcomes.Add(outcome);
            completed(outcome);
            stop.Met(outcome);
        }

        return new ScheduledTrials(outcomes, trials - next, stop.Reason);
    }
}
