using Pipeline.Ml.Data;
using Pipeline.Ml.Models;
using Pipeline.Stages.Reporting;
using Pipeline.Stages.Spec;
using Pipeline.Tracking;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Running;

/// <summary>
/// The single entry point every front end calls. It only orders, times, reports and publishes: it opens the stage
/// context, hands it to the stage's contract (<see cref="Workflow.ContractFor"/>), which reads its upstream results,
/// decides whether to skip and does the work, then refreshes the reports. Stages never share process memory: each
/// reads what it needs from the stores.
/// </summary>
public sealed class PipelineRunner(IStageReporter reporter, TimeProvider time, IEnvironmentVariables? environment = null, RunInterruptGuard? guard = null)
{
    private readonly IEnvironmentVariables _environment = environment ??= new ProcessEnvironmentVariables();

    // Every stage reports through this one, so on GitHub Actions their warnings become annotations too. (Initialised
    // after _environment, which has replaced a null environment parameter by the process's.)
    private readonly IStageReporter reporter = GitHubAnnotatingReporter.For(reporter, environment);

    // The execution this runner's PrepareData started when none was named: the later stages it runs use it too.
    private string? _startedExecutionId;

    /// <summary>
    /// Runs <paramref name="target"/> after the stages it depends on (as Cake's <c>--target</c> and MSBuild's <c>-t:</c>
    /// do), or alone when <paramref name="exclusive"/> (Cake's <c>--exclusive</c>). Stops at the first stage whose gate
    /// failed and returns the results so far; errors propagate as from <see cref="RunAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<StageResult>> RunThroughAsync(StageName target, StageOptions options, bool exclusive = false, CancellationToken ct = default)
    {
        var results = new List<StageResult>();
        foreach (var stage in exclusive ? [target] : Workflow.WithPredecessors(target))
        {
            var result = await RunAsync(stage, options, ct);
            results.Add(result);
            if (result.Outcome == StageOutcome.GateFailed)
                break;
        }
        return results;
    }

    /// <summary>
    /// Runs one stage alone. Throws <see cref="PipelineException"/> for everything a user can fix (bad pipeline file,
    /// bad data, store errors, a missing upstream result).
    /// </summary>
    public async Task<StageResult> RunAsync(StageName stage, StageOptions options, CancellationToken ct = default)
    {
        var started = time.GetTimestamp();
        string? storeUri = null;
        try
        {
            options = WithExecution(stage, options);
            await using var context = StageContext.Open(options, reporter, time, _environment, guard);
            storeUri = context.Location.TrackingUri;
            reporter.Info($"{stage}: {context.Spec.SourcePath} -> {PostgresUri.Redact(context.Location.TrackingUri)}");
            RequireExistingStore(stage, context);
            if (stage != StageName.InitStore)
                await new StaleRunCleanup(context).RunAsync(stage, ct);
            var result = await Workflow.ContractFor(stage).ExecuteAsync(context, ct) with { Duration = time.GetElapsedTime(started) };
            // Every stage that returns (done, skipped or stopped by a gate) refreshes the reports, so whatever CI
            // uploads or shows after any stage is the latest state of the pipeline.
            await new ReportPublisher(reporter, _environment).PublishAsync(context, result, ct);
            return result;
        }
        catch (Exception e) when (e is PipelineSpecException or TrackingException or DataFormatException or ModelFormatException)
        {
            var error = new PipelineException($"{stage}: {e.Message}", e);
            Annotate(stage, error);
            throw error;
        }
        catch (PipelineException e)
        {
            Annotate(stage, e);
            throw;
        }
        catch (Exception e) when (storeUri is not null && StoreFailure.Is(e))
        {
            var error = new PipelineException($"{stage}: {StoreFailure.Describe(storeUri, e)}", e);
            Annotate(stage, error);
            throw error;
        }
    }

    /// <summary>
    /// The execution the stage belongs to: <c>--execution-id</c>, else <see cref="PipelineExecution.Variable"/>, else the one
    /// this runner's PrepareData started (a new id), else none (the stage then takes the newest execution when unambiguous).
    /// </summary>
    private StageOptions WithExecution(StageName stage, StageOptions options)
    {
        var named = string.IsNullOrEmpty(options.ExecutionId) ? NullIfEmpty(_environment.Get(PipelineExecution.Variable)) : options.ExecutionId;
        if (named is not null)
            return PipelineExecution.Validate(named) is { } error ? throw new PipelineException($"{stage}: {error}") : options with { ExecutionId = named };
        if (stage == StageName.PrepareData)
            _startedExecutionId ??= PipelineExecution.NewId();
        return options with { ExecutionId = _startedExecutionId };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Only InitStore creates a store: any other stage on a SQLite file that does not exist fails before the file is
    /// created, so a stage run alone on a fresh folder leaves no empty <c>mlruns.db</c> behind.
    /// </summary>
    private static void RequireExistingStore(StageName stage, StageContext context)
    {
        if (stage != StageName.InitStore && context.Store is SqliteTrackingStore sqlite && !File.Exists(sqlite.DatabasePath))
            throw new PipelineException(
                $"{stage}: there is no tracking store at {sqlite.DatabasePath}; run the {StageName.InitStore} stage first (or run {stage} with its predecessors, without --exclusive).");
    }

    /// <summary>
    /// On GitHub Actions, an <c>::error</c> annotation for a stage that failed with an error, so the run's page shows it
    /// without opening the log: one per pipeline-file error, at its line. The front end still reports the error itself.
    /// </summary>
    private void Annotate(StageName stage, PipelineException error)
    {
        if (_environment.Get(GitHubCommands.ActionsVariable) != "true")
            return;
        if (error.InnerException is PipelineSpecException spec)
            foreach (var e in spec.Errors)
                reporter.Info(GitHubCommands.ErrorAt($"{stage}: pipeline file error", e.KeyPath.Length > 0 ? $"{e.KeyPath}: {e.Message}" : e.Message,
                    Path.GetFullPath(e.Source), e.Line, e.Column));
        else
            reporter.Info(GitHubCommands.Error($"{stage} failed", error.Message));
    }
}
