using System.Globalization;
using Pipeline.Ml.Training;
using Pipeline.Ml.Evaluation;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Pruning;
using Pipeline.Stages.Stages.Sweep.Sampling;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// Runs one configuration as a child run: logs every trainer parameter, cross-validates fold by fold, logs mean and
/// std of each metric. After each fold it logs the running mean of the selection metric at step = folds done (the
/// last step is the cross-validated mean) and asks the pruner, if any, whether to stop; a pruned trial's run ends
/// FINISHED with <c>pipeline.trial.state = PRUNED</c>.
/// </summary>
internal sealed class TrialRunner(TrackingClient tracking, SweepInput input, string parentRunId, TrialHistory history, ITrialPruner? pruner, TimeProvider time)
{
    /// <summary>The parameter naming the trainer on every trial run.</summary>
    public const string TrainerParam = "trainer";

    /// <summary>Suffix of the metric holding a cross-validated metric's standard deviation over folds.</summary>
    public const string StdSuffix = "_std";

    /// <param name="trial">The configuration to run.</param>
    /// <param name="ct">Cancels the trial (its run ends FAILED).</param>
    /// <param name="attempt">For a trial claimed from a shared queue: extra tags, and the queue's say before the run ends.</param>
    public async Task<TrialOutcome> RunAsync(TrialConfiguration trial, CancellationToken ct, QueuedTrialAttempt? attempt = null)
    {
        var tags = new Dictionary<string, string>
        {
            [PipelineTags.Role] = PipelineTags.RoleTrial,
            [PipelineTags.PipelineFile] = input.PipelineFile,
            [PipelineTags.TrialIndex] = trial.Index.ToString(CultureInfo.InvariantCulture),
            [PipelineTags.TrialConfiguration] = trial.ToString(),
        };
        foreach (var (key, value) in attempt?.Tags ?? new Dictionary<string, string>())
            tags[key] = value;
        await using var run = await tracking.StartRunAsync(input.ExperimentId, $"{trial.Trainer}-{trial.Index + 1:D2}", parentRunId, tags, ct);
        if (attempt is not null)
            await attempt.StartedAsync(run.RunId, ct);
        try
        {
            var configuration = Configure(trial, input.Task, input.Sweep.Seed);
            await run.LogParamsAsync(Params(trial, configuration), ct);
            var metric = input.Select.Metric;
            var started = time.GetTimestamp();
            var folds = new List<FoldResult>();
            foreach (var fold in new CrossValidator(time: time).Folds(input.Train, configuration, input.Sweep.CvFolds))
            {
                folds.Add(fold);
                var running = folds.Average(f => f.Metrics[metric]);
                await run.LogMetricAsync(metric, running, folds.Count, ct);
                var record = history.Report(trial.Index, running);
                if (folds.Count < input.Sweep.CvFolds && pruner is not null && pruner.ShouldPrune(record, history.Others(trial.Index)))
                    return await PruneAsync(run, trial, folds.Count, running, attempt, ct);
            }

            var cv = CrossValidator.Summarize(folds, time.GetElapsedTime(started));
            var metrics = cv.Mean.ToDictionary(m => m.Key, m => m.Value);
            // The selection metric's mean is already logged: the running mean at the last fold.
            var logged = metrics.Where(m => m.Key != metric).ToDictionary(m => m.Key, m => m.Value);
            foreach (var std in cv.StandardDeviation)
                logged[std.Key + StdSuffix] = std.Value;
            logged["fit_time_seconds"] = cv.TotalFitTime.TotalSeconds;
            logged["cv_time_seconds"] = cv.Elapsed.TotalSeconds;
            await run.LogMetricsAsync(logged, ct: ct);
            await TrialPlots.LogAsync(run, cv, input.Task, ct);
            await run.SetTagAsync(TrialStateTag.Key, TrialStateTag.ValueOf(TrialState.Complete), ct);
            var outcome = new TrialOutcome(trial, run.RunId, metrics, null);
            if (attempt is not null && !await attempt.CommitAsync(outcome, ct))
                return await LostAsync(run, outcome);
            // Past the queue's COMPLETE nothing may cancel the FINISHED: the trial would be complete with no finished run.
            await run.EndAsync(RunStatus.Finished, attempt is null ? ct : CancellationToken.None);
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing configuration (bad parameter mix, a trainer that diverges) must not stop the sweep.
            await run.SetTagAsync(PipelineTags.TrialError, Truncate(e.Message), CancellationToken.None);
            await run.SetTagAsync(TrialStateTag.Key, TrialStateTag.ValueOf(TrialState.Failed), CancellationToken.None);
            var outcome = new TrialOutcome(trial, run.RunId, new Dictionary<string, double>(), e.Message);
            var held = attempt is null || await attempt.CommitAsync(outcome, CancellationToken.None);
            await run.EndAsync(RunStatus.Failed, CancellationToken.None);
            return outcome with { Lost = !held };
        }
    }

    private static async Task<TrialOutcome> PruneAsync(ActiveRun run, TrialConfiguration trial, int step, double value, QueuedTrialAttempt? attempt, CancellationToken ct)
    {
        await run.LogMetricAsync("folds_completed", step, ct: ct);
        await run.SetTagAsync(TrialStateTag.Key, TrialStateTag.Pruned, ct);
        var outcome = new TrialOutcome(trial, run.RunId, new Dictionary<string, double>(), null) { State = TrialState.Pruned, PrunedAt = (step, value) };
        if (attempt is not null && !await attempt.CommitAsync(outcome, ct))
            return await LostAsync(run, outcome);
        await run.EndAsync(RunStatus.Finished, attempt is null ? ct : CancellationToken.None);
        return outcome;
    }

    /// <summary>Its worker was presumed dead and the trial taken back: another attempt owns it, so this one never ends FINISHED.</summary>
    private static async Task<TrialOutcome> LostAsync(ActiveRun run, TrialOutcome outcome)
    {
        await run.SetTagAsync(PipelineTags.FailureReason, "the trial was taken back from this worker (heartbeat late); another attempt runs it", CancellationToken.None);
        await run.SetTagAsync(TrialStateTag.Key, TrialStateTag.ValueOf(TrialState.Failed), CancellationToken.None);
        await run.EndAsync(RunStatus.Failed, CancellationToken.None);
        return outcome with { Error = "taken back from this worker", Lost = true, State = TrialState.Failed };
    }

    /// <summary>The trainer configuration of a trial: the values it names, defaults for the rest.</summary>
    public static TrainerConfiguration Configure(TrialConfiguration trial, TaskKind task, int seed) =>
        TrainerCatalog.Default.Resolve(task, trial.Trainer,
            trial.Parameters.ToDictionary(p => p.Key, p => (object?)p.Value.AsDouble()), seed);

    /// <summary>Every parameter of the trainer, as the file spelled it where it named one (<c>1.0</c> stays <c>1.0</c>).</summary>
    private static Dictionary<string, string> Params(TrialConfiguration trial, TrainerConfiguration configuration)
    {
        var result = new Dictionary<string, string> { [TrainerParam] = trial.Trainer };
        foreach (var (name, value) in configuration.Parameters)
            result[name] = trial.Find(name)?.Text ?? value.ToString("R", CultureInfo.InvariantCulture);
        return result;
    }

    private static string Truncate(string message) => message.Length <= 5000 ? message : message[..5000];
}
