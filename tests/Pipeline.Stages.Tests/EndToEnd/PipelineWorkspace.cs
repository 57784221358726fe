using System.Text.RegularExpressions;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>
/// A temporary folder holding one shipped pipeline file (rewritten to keep its store and artifacts inside the
/// folder) and its data, with a runner over a real SQLite store and local artifact folder.
/// </summary>
internal sealed partial class PipelineWorkspace : IAsyncDisposable
{
    private PipelineWorkspace(string root, string pipelinePath)
    {
        Root = root;
        PipelinePath = pipelinePath;
    }

    public string Root { get; }

    public string PipelinePath { get; }

    public string DatabasePath => Path.Combine(Root, "mlruns.db");

    public string TrackingUri => "sqlite:///" + DatabasePath;

    public RecordingReporter Reporter { get; } = new();

    /// <summary>Where the runner writes the summary and HTML report: inside the workspace.</summary>
    public string OutputDirectory => Path.Combine(Root, "out");

    /// <summary>The environment stages see; empty by default (no CI), replace it to simulate one.</summary>
    public IEnvironmentVariables Environment { get; set; } = new DictionaryEnvironmentVariables();

    /// <summary>Copies <c>pipelines/{name}.yaml</c> and its data; <paramref name="edit"/> may change the YAML text.</summary>
    public static PipelineWorkspace Create(string name, Func<string, string>? edit = null)
    {
        var root = Path.Combine(Path.GetTempPath(), $"pipeline-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "pipelines"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var repo = RepositoryRoot();
        var yaml = File.ReadAllText(Path.Combine(repo, "pipelines", name + ".yaml"));
        var dataFile = DataPath().Match(yaml).Groups["file"].Value;
        File.Copy(Path.Combine(repo, "data", dataFile), Path.Combine(root, "data", dataFile));
        var tracking = $"tracking:\n  uri: sqlite:///{Path.Combine(root, "mlruns.db")}\n  artifact_root: {Path.Combine(root, "mlartifacts")}\n";
        yaml = TrackingSection().IsMatch(yaml)
            ? TrackingSection().Replace(yaml, tracking)
            : ExperimentLine().Replace(yaml, m => m.Value + "\n" + tracking, 1);
        var pipelinePath = Path.Combine(root, "pipelines", name + ".yaml");
        File.WriteAllText(pipelinePath, edit is null ? yaml : edit(yaml));
        return new PipelineWorkspace(root, pipelinePath);
    }

    public Task<StageResult> RunAsync(StageName stage, CancellationToken ct = default) => RunAsync(stage, force: false, ct);

    public Task<StageResult> RunAsync(StageName stage, bool force, CancellationToken ct = default) => RunAsync(stage, force, TimeProvider.System, ct);

    /// <summary>Runs one stage on <paramref name="time"/>'s clock (e.g. a fake one that never moves).</summary>
    public Task<StageResult> RunAsync(StageName stage, bool force, TimeProvider time, CancellationToken ct = default) =>
        new PipelineRunner(Reporter, time, Environment)
            .RunAsync(stage, new StageOptions(PipelinePath, Force: force, OutputDirectory: OutputDirectory), ct);

    /// <summary>Runs the sweep stage as one worker of the shared sweep <paramref name="sweepId"/> (<c>--sweep-id</c>).</summary>
    public Task<StageResult> RunSweepWorkerAsync(string sweepId, CancellationToken ct = default) =>
        new PipelineRunner(Reporter, TimeProvider.System, Environment)
            .RunAsync(StageName.Sweep, new StageOptions(PipelinePath, OutputDirectory: OutputDirectory, SweepId: sweepId), ct);

    /// <summary>Runs every stage up to and including <paramref name="last"/>, in order, and returns the last result.</summary>
    public async Task<StageResult> RunThroughAsync(StageName last, CancellationToken ct = default)
    {
        StageResult? result = null;
        foreach (var stage in StageNames.InWorkflowOrder.TakeWhile(s => s <= last))
            result = await RunAsync(stage, ct);
        return result!;
    }

    /// <summary>The workspace's store; on <paramref name="time"/>'s clock when given (e.g. one set back, to leave stale heartbeats).</summary>
    public SqliteTrackingStore OpenStore(TimeProvider? time = null) => new(DatabasePath, new Uri(Path.Combine(Root, "mlartifacts")).AbsoluteUri, time);

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"path: \.\./data/(?<file>[\w.]+)")]
    private static partial Regex DataPath();

    [GeneratedRegex(@"^experiment: .*\n", RegexOptions.Multiline)]
    private static partial Regex ExperimentLine();

    [GeneratedRegex(@"tracking:\n(  .*\n)+")]
    private static partial Regex TrackingSection();
}
