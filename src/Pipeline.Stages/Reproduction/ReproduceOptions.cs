namespace Pipeline.Stages.Reproduction;

/// <summary>What <c>pipeline reproduce</c> is asked to do.</summary>
/// <param name="RunId">The run to reproduce: a pipeline, sweep, trial or evaluation run.</param>
/// <param name="TrackingUri">The store holding the run; default <c>MLFLOW_TRACKING_URI</c>, then <c>sqlite:///mlruns.db</c>.</param>
/// <param name="DataPath">A copy of the run's data file at another place (<c>--data</c>); default: the file in the checked-out commit, else the recorded path.</param>
/// <param name="TestDataPath">The same for a pinned <c>data.test_path</c> (<c>--test-data</c>).</param>
/// <param name="RepositoryPath">The git repository holding the run's commit; default: the one containing the current directory, else the run's pipeline file.</param>
/// <param name="Tolerance">
/// The largest absolute difference accepted between a metric and its reproduction; default 0, bit for bit (NaN equals
/// NaN), which the deterministic stages give on the same runtime.
/// </param>
/// <param name="ScratchDirectory">Where the worktree and the scratch store are made; kept afterwards except for the worktree. Default: a new folder under the temp folder, removed afterwards.</param>
public sealed record ReproduceOptions(
    string RunId,
    string? TrackingUri = null,
    string? DataPath = null,
    string? TestDataPath = null,
    string? RepositoryPath = null,
    double Tolerance = 0,
    string? ScratchDirectory = null);
