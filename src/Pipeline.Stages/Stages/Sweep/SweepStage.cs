using System.Collections.Concurrent;
using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>What the sweep reads: the sweep and select sections, the training split, and the runs to nest under.</summary>
public sealed record SweepInput(SweepSpec Sweep, SelectSpec Select, TaskKind Task, Ml.Data.DataTable Train, string ExperimentId, string PipelineRunId, string PipelineFile);

/// <summary>What the sweep leaves: the parent run and how its trials ended.</summary>
public sealed record SweepOutput(string SweepRunId, int Trials, int Failed, TrialOutcome? Best);

/// <summary>
/// Runs one child run per configuration of the search space under a parent sweep run, each cross-validated on the
/// training split only (the test split is never read here). Trials run in parallel up to the declared
/// parallelism; a trial that fails is marked FAILED with its error and the sweep goes on.
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
        }, ct);
        return parent;
    }

    public async Task<SweepOutput> RunAsync(SweepInput input, CancellationToken ct = default)
    {
        var trials = SearchSpaceExpander.Expand(input.Sweep);
        if (shared is not null && await RunSharedAsync(input, TrialSource.Enumerated(trials), shared, ct) is { } sharedOutput)
            return sharedOutput;

        await using var parent = await StartParentAsync(input, trials.Count, null, ct);
        reporter.Info($"Sweep run {parent.RunId}: {trials.Count} trials, {input.Sweep.CvFolds}-fold cross-validation on {input.Train.RowCount} training rows, {input.Sweep.Parallelism} at a time.");

        var progress = new SweepProgress(trials.Count, input.Select, reporter, time);
        var runner = new TrialRunner(tracking, input, parent.RunId);
        var outcomes = new ConcurrentBag<TrialOutcome>();
        await Parallel.ForEachAsync(trials, new ParallelOptions { MaxDegreeOfParallelism = input.Sweep.Parallelism, CancellationToken = ct }, async (trial, token) =>
        {
            var outcome = await runner.RunAsync(trial, token);
            outcomes.Add(outcome);
            progress.Completed(outcome);
        });

        var failed = outcomes.Count(o => o.Error is not null);
        await parent.LogMetricsAsync(new Dictionary<string, double>
        {
            ["trials_finished"] = outcomes.Count - failed,
            ["trials_failed"] = failed,
        }, ct: ct);
        if (failed == outcomes.Count)
        {
            await parent.EndAsync(RunStatus.Failed, ct);
            throw new PipelineException($"Sweep: all {failed} trials failed; the first error: {outcomes.OrderBy(o => o.Trial.Index).First().Error}");
        }
        await parent.EndAsync(RunStatus.Finished, ct);
        reporter.Info($"Sweep finished: {outcomes.Count - failed} of {outcomes.Count} trials succeeded{(failed > 0 ? $", {failed} failed" : "")}; best {progress.BestDescription}.");
        return new SweepOutput(parent.RunId, outcomes.Count, failed, progress.Best);
    }
}
