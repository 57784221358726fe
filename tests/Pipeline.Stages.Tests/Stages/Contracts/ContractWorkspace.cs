using Microsoft.Extensions.Time.Testing;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Stages.Contracts;

/// <summary>
/// A temporary folder with a tiny pipeline file, its CSV and a real SQLite store, for the contracts' fast unit tests:
/// runs are seeded straight into the store (no training, no server) and a fake clock orders them.
/// </summary>
internal sealed class ContractWorkspace : IAsyncDisposable
{
    private const string Yaml = """
        experiment: contracts
        tracking:
          uri: sqlite:///{root}/mlruns.db
          artifact_root: {root}/mlartifacts
        data:
          path: data.csv
          label: target
          task: binary_classification
          test_fraction: 0.25
          seed: 42
        sweep:
          strategy: grid
          seed: 7
          cv_folds: 3
          search_space:
            - trainer: lbfgs_logistic_regression
              params:
                C: [0.1, 1.0]
        select:
          metric: roc_auc
          direction: maximize
        evaluate:
          gates:
            - roc_auc >= 0.9
        model:
          name: contracts-model
          alias: champion
        """;

    private readonly List<StageContext> _contexts = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("pipeline-contracts-").FullName;

    public string PipelinePath => Path.Combine(Root, "pipeline.yaml");

    public string DataPath => Path.Combine(Root, "data.csv");

    /// <summary>The clock every context sees: seeded runs start one minute apart, so "latest" is deterministic.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public RecordingReporter Reporter { get; } = new();

    public static ContractWorkspace Create()
    {
        var workspace = new ContractWorkspace();
        workspace.WriteSpec(yaml => yaml);
        File.WriteAllText(workspace.DataPath, "x1,x2,target\n" + string.Join('\n', Enumerable.Range(0, 12).Select(i => $"{i},{i % 3},{i % 2}")) + "\n");
        return workspace;
    }

    /// <summary>Writes the pipeline file, <paramref name="edit"/> changing its text (e.g. one spec value).</summary>
    public void WriteSpec(Func<string, string> edit) => File.WriteAllText(PipelinePath, edit(Yaml.Replace("{root}", Root, StringComparison.Ordinal)));

    /// <summary>Opens the pipeline file and the store as a front end would (the file is read now, so edit it first).</summary>
    public StageContext Open(bool force = false)
    {
        var context = StageContext.Open(new StageOptions(PipelinePath, Force: force), Reporter, Time, new DictionaryEnvironmentVariables(), guard: null);
        _contexts.Add(context);
        return context;
    }

    /// <summary>What InitStore leaves: the experiment.</summary>
    public async Task<string> CreateExperimentAsync()
    {
        var context = Open();
        return await context.Store.CreateExperimentAsync(context.Spec.Experiment);
    }

    /// <summary>A run of <paramref name="role"/> for this pipeline file, as a stage would leave it, one minute after the previous one.</summary>
    public async Task<Run> SeedRunAsync(string experimentId, string role, Run? parent = null, RunStatus status = RunStatus.Finished, params RunTag[] tags)
    {
        var context = Open();
        Time.Advance(TimeSpan.FromMinutes(1));
        var allTags = new List<RunTag>(tags)
        {
            new(PipelineTags.Role, role),
            new(PipelineTags.PipelineFile, RunLocator.PipelineFileTag(context.Spec.SourcePath)),
        };
        if (parent is not null)
            allTags.Add(new RunTag(SystemTags.ParentRunId, parent.Info.RunId));
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var run = await context.Store.CreateRunAsync(experimentId, "tester", now, allTags, runName: null);
        if (status != RunStatus.Running)
            await context.Store.UpdateRunInfoAsync(run.Info.RunId, status, now + 1000, runName: null);
        return await context.Store.GetRunAsync(run.Info.RunId);
    }

    /// <summary>Sets one tag on a run and reads it back.</summary>
    public async Task<Run> TagAsync(Run run, string key, string value)
    {
        var context = Open();
        await context.Store.SetTagAsync(run.Info.RunId, new RunTag(key, value));
        return await context.Store.GetRunAsync(run.Info.RunId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
