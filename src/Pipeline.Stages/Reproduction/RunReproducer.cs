using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Reproduction;

/// <summary>
/// <c>pipeline reproduce RUN_ID</c>: checks the run's recorded commit out into a temporary git worktree (with its
/// recorded uncommitted diff), verifies the data by its recorded digest, re-runs the stages that produced the run into a
/// scratch store with this version's stage code, and compares every param and metric with the original. The
/// reproduction is recorded as a run in the original store (<c>pipeline.reproduces</c>, <c>pipeline.reproduction.verdict</c>).
/// </summary>
public sealed partial class RunReproducer(IStageReporter reporter, TimeProvider time, IEnvironmentVariables? environment = null, RunInterruptGuard? guard = null)
{
    /// <summary>On the reproduction run: the id of the run it reproduces.</summary>
    public const string ReproducesTag = "pipeline.reproduces";

    /// <summary>On the reproduction run: <c>reproduced</c>, <c>not_reproduced</c> or <c>error</c>.</summary>
    public const string VerdictTag = "pipeline.reproduction.verdict";

    /// <summary>The <c>pipeline.role</c> of a reproduction run.</summary>
    public const string RoleReproduction = "reproduction";

    /// <summary>The report logged on the reproduction run.</summary>
    public const string ReportArtifact = "reproduction/report.md";

    private readonly IEnvironmentVariables _environment = environment ?? new ProcessEnvironmentVariables();

    /// <summary>
    /// Reproduces one run. Returns the report (verdict reproduced or not reproduced); throws <see cref="PipelineException"/>
    /// when the reproduction cannot be made (run, commit, diff or data not restorable), after recording it as an error when
    /// the run was found.
    /// </summary>
    public async Task<ReproductionReport> ReproduceAsync(ReproduceOptions options, CancellationToken ct = default)
    {
        var composition = TrackingComposition.CreateDefault(_environment, time);
        var uri = composition.Locate(options.TrackingUri).TrackingUri;
        // Reading a run from a SQLite file that is not there would create an empty database; say what is missing instead.
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && !File.Exists(SqliteTrackingStore.PathFromUri(uri)))
            throw new PipelineException($"no tracking database at {Path.GetFullPath(SqliteTrackingStore.PathFromUri(uri))} (tracking URI '{uri}'); pass --tracking-uri.");
        TrackingBackend backend;
        try
        {
            backend = composition.Open(uri, new Uri(Path.GetFullPath("mlartifacts")).AbsoluteUri);
        }
        catch (TrackingException e)
        {
            throw new PipelineException($"cannot open the tracking store {PostgresUri.Redact(uri)}: {e.Message}", e);
        }

        var store = backend.Store;
        var artifacts = backend.Artifacts;
        await using (backend)
        {
            var recorded = await RecordedRun.FindAsync(store, options.RunId, uri, ct);
            reporter.Info($"Reproducing {recorded.Role} run {recorded.RunId} (commit {recorded.Commit[..12]}{(recorded.Dirty ? " with uncommitted changes" : "")}): " +
                string.Join(" -> ", recorded.Stages));
            var environmentNotes = await EnvironmentNotesAsync(recorded, artifacts, ct);
            foreach (var note in environmentNotes)
                reporter.Warning($"environment differs: {note}");
            if (environmentNotes.Count == 0)
                reporter.Info("Environment: the same runtime, OS, CPU and package versions as recorded.");

            ReproductionReport report;
            try
            {
                report = await ReproduceInScratchAsync(recorded, options, artifacts, environmentNotes, ct);
            }
            catch (Exception e) when (e is PipelineException or TrackingException or LibGit2Sharp.LibGit2SharpException or IOException)
            {
                var failed = new ReproductionReport(recorded.RunId, ReproductionVerdict.Error, 0, [], [], environmentNotes, null, e.Message);
                await RecordAsync(store, artifacts, recorded, failed, CancellationToken.None);
                throw e as PipelineException ?? new PipelineException(e.Message, e);
            }

            var id = await RecordAsync(store, artifacts, recorded, report, ct);
            return report with { ReproductionRunId = id };
        }
    }

    private async Task<ReproductionReport> ReproduceInScratchAsync(RecordedRun recorded, ReproduceOptions options, ArtifactRepositoryRegistry artifacts,
        IReadOnlyList<string> environmentNotes, CancellationToken ct)
    {
        var scratch = options.ScratchDirectory ?? Directory.CreateTempSubdirectory("pipeline-reproduce-").FullName;
        Directory.CreateDirectory(scratch);
        try
        {
            using var checkout = CommitCheckout.Create(recorded.Commit, RepositoryCandidates(options, recorded), scratch);
            reporter.Info($"Checked out {recorded.Commit[..12]} into {checkout.Path}.");
            if (recorded.Dirty)
            {
                var diff = await artifacts.Open(recorded.Run.Info.ArtifactUri).DownloadAsync(RunContextTagNames.UncommittedDiffArtifact, Path.Combine(scratch, "diff"), ct);
                await checkout.ApplyAsync(diff, ct);
                reporter.Info($"Applied the recorded uncommitted changes ({RunContextTagNames.UncommittedDiffArtifact}).");
            }

            var pipelineFile = checkout.Locate(recorded.SourceName)
                ?? throw new PipelineException($"commit {recorded.Commit[..12]} has no file matching the run's pipeline file {recorded.SourceName}.");
            var spec = await PrepareDataAsync(recorded, options, checkout, pipelineFile);
            var reproduced = await RerunAsync(recorded, spec, pipelineFile, scratch, ct);
            var (compared, differences, excluded) = RunComparison.Compare(recorded.Run, reproduced, options.Tolerance);
            var verdict = differences.Count == 0 ? ReproductionVerdict.Reproduced : ReproductionVerdict.NotReproduced;
            return new ReproductionReport(recorded.RunId, verdict, compared, differences, excluded, environmentNotes, null);
        }
        finally
        {
            if (options.ScratchDirectory is null)
                TryDelete(scratch);
        }
    }

    /// <summary>Runs the stages into a new SQLite store in the scratch folder, whose experiment keeps its artifacts there too.</summary>
    private async Task<Run> RerunAsync(RecordedRun recorded, Spec.PipelineSpec spec, string pipelineFile, string scratch, CancellationToken ct)
    {
        var scratchUri = "sqlite:///" + Path.Combine(scratch, "mlruns.db").Replace('\\', '/');
        var artifactRoot = new Uri(Path.Combine(scratch, "mlartifacts")).AbsoluteUri;
        var composition = TrackingComposition.CreateDefault(_environment, time);
        await using (var created = composition.Open(scratchUri, artifactRoot))
            await created.Store.CreateExperimentAsync(spec.Experiment, artifactRoot, ct: ct);

        var runner = new PipelineRunner(reporter, time, _environment, guard);
        var stageOptions = new StageOptions(pipelineFile, scratchUri, Force: true, OutputDirectory: Path.Combine(scratch, "out"));
        foreach (var stage in recorded.Stages)
            await runner.RunAsync(stage, stageOptions, ct);

        await using var scratchBackend = composition.Open(scratchUri, artifactRoot);
        var store = scratchBackend.Store;
        var experiment = await store.GetExperimentByNameAsync(spec.Experiment, ct);
        var page = await store.SearchRunsAsync(new RunQuery([experiment!.ExperimentId], recorded.CounterpartFilter, MaxResults: 1, OrderBy: ["attributes.start_time DESC"]), ct);
        return page.Items.FirstOrDefault()
            ?? throw new PipelineException($"the re-run made no {recorded.Role} run matching {recorded.CounterpartFilter} (the commit's pipeline file describes another search space?).");
    }

    private static IEnumerable<string> RepositoryCandidates(ReproduceOptions options, RecordedRun recorded)
    {
        if (options.RepositoryPath is { } repo)
            return [repo];
        return [Directory.GetCurrentDirectory(), Path.GetDirectoryName(recorded.SourceName) ?? ""];
    }

    private async Task<IReadOnlyList<string>> EnvironmentNotesAsync(RecordedRun recorded, ArtifactRepositoryRegistry artifacts, CancellationToken ct)
    {
        EnvironmentSnapshot snapshot;
        try
        {
            await using var stream = await artifacts.Open(recorded.Run.Info.ArtifactUri).OpenReadAsync(EnvironmentSnapshotJson.ArtifactPath, ct);
            using var text = new StreamReader(stream);
            snapshot = EnvironmentSnapshotJson.Deserialize(await text.ReadToEndAsync(ct));
        }
        catch (Exception e) when (e is TrackingException or IOException or System.Text.Json.JsonException)
        {
            return [$"the run's {EnvironmentSnapshotJson.ArtifactPath} could not be read ({e.Message}); differences cannot be listed"];
        }

        // Loads ML.NET before the snapshot, so its version is compared before anything trains.
        _ = typeof(Microsoft.ML.MLContext).Assembly;
        return EnvironmentComparison.Differences(snapshot, EnvironmentInspector.Capture(_environment, time));
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover scratch folder in the temp folder is harmless.
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
