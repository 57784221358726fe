using Pipeline.Ml.Data;
using Pipeline.Ml.Models;
using Pipeline.Stages.Reporting;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages;
using Pipeline.Tracking;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;

namespace Pipeline.Stages.Running;

/// <summary>
/// The single entry point every front end calls: loads and validates the pipeline file, opens the stores it
/// names, and runs one stage. Stages never share process memory: each reads what it needs from the stores.
/// </summary>
public sealed partial class PipelineRunner(IStageReporter reporter, TimeProvider time, IEnvironmentVariables? environment = null, RunInterruptGuard? guard = null)
{
    private readonly IEnvironmentVariables _environment = environment ??= new ProcessEnvironmentVariables();

    // Every stage reports through this one, so on GitHub Actions their warnings become annotations too. (Initialised
    // after _environment, which has replaced a null environment parameter by the process's.)
    private readonly IStageReporter reporter = GitHubAnnotatingReporter.For(reporter, environment);

    /// <summary>The last stage of the workflow that this version implements; later ones report that they are not built.</summary>
    public static StageName LastBuiltStage => StageName.SmokeTest;

    public static bool IsBuilt(StageName stage) => stage <= LastBuiltStage;

    /// <summary>
    /// Runs one stage. Throws <see cref="StageNotBuiltException"/> for a stage this version lacks and
    /// <see cref="PipelineException"/> for everything a user can fix (bad pipeline file, bad data, store errors).
    /// </summary>
    public async Task<StageResult> RunAsync(StageName stage, StageOptions options, CancellationToken ct = default)
    {
        if (!IsBuilt(stage))
            throw new StageNotBuiltException(stage);
        string? storeUri = null;
        try
        {
            await using var context = StageContext.Open(options, reporter, time, _environment, guard);
            storeUri = context.Location.TrackingUri;
            reporter.Info($"{stage}: {context.Spec.SourcePath} -> {Tracking.Stores.PostgresUri.Redact(context.Location.TrackingUri)}");
            var result = stage switch
            {
                StageName.InitStore => await InitStoreAsync(context, ct),
                StageName.PrepareData => await PrepareDataAsync(context, ct),
                StageName.Sweep => await SweepAsync(context, ct),
                StageName.Select => await SelectAsync(context, ct),
                StageName.Evaluate => await EvaluateAsync(context, ct),
                StageName.Package => await PackageAsync(context, ct),
                StageName.DockerServe => await DockerServeAsync(context, ct),
                StageName.SmokeTest => await SmokeTestAsync(context, ct),
                _ => throw new StageNotBuiltException(stage),
            };
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

    private async Task<StageResult> InitStoreAsync(StageContext context, CancellationToken ct)
    {
        var output = await new InitStoreStage(context.Store, reporter)
            .RunAsync(new InitStoreInput(context.Spec.Experiment, context.Location), ct);
        return StageResult.Succeeded(StageName.InitStore,
            $"experiment '{context.Spec.Experiment}' ready (id {output.ExperimentId})",
            new Dictionary<string, string> { ["experiment_id"] = output.ExperimentId });
    }
}
