using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Pruning;
using Pipeline.Stages.Stages.Sweep.Sampling;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>What the sweep reads: the sweep and select sections, the training split, and the runs to nest under.</summary>
public sealed record SweepInput(SweepSpec Sweep, SelectSpec Select, TaskKind Task, Ml.Data.DataTable Train, string ExperimentId, string PipelineRunId, string PipelineFile);

/// <summary>What the sweep leaves: the parent run and how its trials ended.</summary>
public sealed record SweepOutput(string SweepRunId, int Trials, int Failed, TrialOutcome? Best)
{
    /// <summary>Trials stopped by the pruner.</summary>
    public int Pruned { get; init; }

    /// <summary>Declared trials never started because the sweep stopped early (<see cref="StopReason"/>).</summary>
    public int NotRun { get; init; }

    /// <summary>Why the sweep stopped before running every declared trial (stop_when, timeout); null when it did not.</summary>
    public string? StopReason { get; init; }
}

/// <summary>
/// Runs one child run per trial under a parent sweep run, each cross-validated on the training split only (the test
/// split is never read here). The sampler (grid, random or TPE) chooses each trial's configuration; trials run in
/// parallel up to the declared parallelism; the pruner may stop a trial between folds; stop_when and timeout may end
/// the sweep early. A trial that fails is marked FAILED with its error and the sweep goes on.
/// </summary>
/// <param name="tracking">Starts the sweep and trial runs.</param>
/// <param name="reporter">Progress lines.</param>
/// <param name="time">The clock.</param>
/// <param name="shared">
/// A trial queue to share the sweep through: the first worker creates it and the others join, and each claims trials
/// from it. Null (and against a server without the queue) the sweep runs all its trials in this process.
/// </param>
public sealed partial class SweepStage(TrackingClient tracking, IStageReporter reporter, TimeProvider time, SharedSweepOptions? shared = null)
{
    /// <summary>Starts the parent sweep run and logs the sweep's params.</summary>
    private async Task<ActiveRun> StartParentAsync(SweepInput input, int trials, string? sweepId, CancellationToken ct)
    {
        // Named after what it tried ("grid sweep, 12 trials"), not just its role.
        var name = string.Create(CultureInfo.InvariantCulture, $"{input.Sweep.Strategy.ToYamlName()} sweep, {trials} trials");
        var tags = new Dictionary<string, string>
        {
            [PipelineTags.Role] = PipelineTags.RoleSweep,
            [PipelineTags.PipelineFile] = input.PipelineFile,
        };
        if (sweepId is not null)
            tags[PipelineTags.SweepId] = sweepId;
        var parent = await tracking.StartRunAsync(input.ExperimentId, name, input.PipelineRunId, tags, ct);
        await parent.LogParamsAsync(new Dictionary<string, string>
        {
            ["sweep.strategy"] = input.Sweep.Strategy.ToYamlName(),
            ["sweep.trials"] = trials.ToString(CultureInfo.InvariantCulture),
            ["sweep.seed"] = input.Sweep.Seed.ToString(CultureInfo.InvariantCulture),
            ["sweep.cv_folds"] = input.Sweep.CvFolds.ToString(CultureInfo.InvariantCulture),
            ["sweep.parallelism"] = input.Sweep.Parallelism.ToString(CultureInfo.InvariantCulture),
        }.Concat(SweepParams.Options(input.Sweep)).ToDictionary(), ct);
        return parent;
    }

    public async Task<SweepOutput> RunAsync(SweepInput input, CancellationToken ct = default)
    {
        var sampler = TrialSamplerFactory.Create(input.Sweep, input.Select.Direction);
        var total = sampler.Capacity ?? input.Sweep.Trials;
        if (shared is not null && await RunSharedAsync(input, options => SourceOf(input, sampler, total, options), shared, ct) is { } sharedOutput)
            return sharedOutput;

        await using var parent = await StartParentAsync(input, total, null, ct);
        reporter.Info($"Sweep run {parent.RunId}: {total} trials, {input.Sweep.CvFolds}-fold cross-validation on {input.Train.RowCount} training rows, {input.Sweep.Parallelism} at a time{SweepParams.Describe(input.Sweep)}.");

        var progress = new SweepProgress(total, input.Select, reporter, time);
        var history = new TrialHistory();
        var pruner = TrialPrunerFactory.Create(input.Sweep.Pruner, input.Select.Direction, input.Sweep.CvFolds);
        var runner = new TrialRunner(tracking, input, parent.RunId, history, pruner, time);
        var scheduler = new LocalTrialScheduler(sampler, history, new SweepStopRules(input.Sweep, time), input.Select.Metric, total, input.Sweep.Parallelism);
        var result = await scheduler.RunAsync((trial, token) => runner.RunAsync(trial, token), outcome => progress.Completed(outcome), ct);
        var outcomes = result.Outcomes;

        var failed = outcomes.Count(o => o.State == TrialState.Failed);
        var pruned = outcomes.Count(o => o.State == TrialState.Pruned);
        await parent.LogMetricsAsync(new Dictionary<string, double>
        {
            ["trials_finished"] = outcomes.Count - failed - pruned,
            ["trials_failed"] = failed,
            ["trials_pruned"] = pruned,
            ["trials_not_run"] = result.NotRun,
        }, ct: ct);
        if (result.StopReason is not null)
            await parent.SetTagAsync(SweepParams.StoppedTag, $"{result.StopReason}; {result.NotRun} of {total} trials not run", ct);
        if (failed == outcomes.Count)
        {
            await parent.EndAsync(RunStatus.Failed, ct);
            throw new PipelineException(outcomes.Count == 0
                ? $"Sweep: no trial ran ({result.StopReason ?? "nothing to run"})."
                : $"Sweep: all {failed} trials failed; the first error: {outcomes.OrderBy(o => o.Trial.Index).First().Error}");
        }
        await parent.EndAsync(RunStatus.Finished, ct);
        reporter.Info(progress.Summary(outcomes, result.NotRun, result.StopReason));
        return new SweepOutput(parent.RunId, outcomes.Count, failed, progress.Best) { Pruned = pruned, NotRun = result.NotRun, StopReason = result.StopReason };
    }

    /// <summary>
    /// A shared sweep's trials: grid and random ones listed up front (the queue holds each configuration, so a worker
    /// with another file is refused); TPE's sampled when claimed, conditioned on every trial in the queue.
    /// </summary>
    private static TrialSource SourceOf(SweepInput input, ITrialSampler sampler, int total, SharedSweepOptions options)
    {
        if (input.Sweep.Strategy != SweepStrategy.Tpe)
            return TrialSource.Enumerated(SearchSpaceExpander.Expand(input.Sweep));
        var history = new QueuedTrialHistory(options.Queue, options.Store, options.SweepId, input.Select.Metric);
        return TrialSource.Sampled(total, async (number, ct) => sampler.Sample(number, await history.SnapshotAsync(number, ct)));
    }
}
