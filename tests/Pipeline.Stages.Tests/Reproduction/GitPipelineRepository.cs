using LibGit2Sharp;
using Pipeline.Stages.Running;
using PipelineStageOptions = Pipeline.Stages.Running.StageOptions;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Stages.Tests.Spec;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Tests.Reproduction;

/// <summary>
/// A temporary git repository holding a small breast-cancer pipeline (<c>pipelines/small.yaml</c>, two configurations,
/// three folds) and its data, with a SQLite store beside it (ignored by git), and a runner over them.
/// </summary>
internal sealed class GitPipelineRepository : IDisposable
{
    public GitPipelineRepository()
    {
        Root = Directory.CreateTempSubdirectory("pipeline-repro-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "pipelines"));
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "data", "breast_cancer.csv"), DataPath);
        File.WriteAllText(Path.Combine(Root, ".gitignore"), "mlruns.db*\nmlartifacts/\nout/\n");
        WritePipeline("[0.1, 1.0]");
        Repository.Init(Root);
        Commit("a small breast-cancer pipeline");
    }

    public string Root { get; }

    public string PipelinePath => Path.Combine(Root, "pipelines", "small.yaml");

    public string DataPath => Path.Combine(Root, "data", "breast_cancer.csv");

    public string TrackingUri => "sqlite:///" + Path.Combine(Root, "mlruns.db");

    public RecordingReporter Reporter { get; } = new();

    public IEnvironmentVariables Environment { get; } = new DictionaryEnvironmentVariables();

    /// <summary>Writes the pipeline file with the given list of C values for L-BFGS.</summary>
    public void WritePipeline(string grid) => File.WriteAllText(PipelinePath, $"""
        experiment: small
        tracking:
          uri: {TrackingUri}
          artifact_root: {Path.Combine(Root, "mlartifacts")}
        data:
          path: ../data/breast_cancer.csv
          label: target
          task: binary_classification
        sweep:
          cv_folds: 3
          parallelism: 1
          search_space:
            - trainer: lbfgs_logistic_regression
              params: {"{"} C: {grid} {"}"}
        select: {"{"} metric: roc_auc, direction: maximize {"}"}
        evaluate:
          gates: [ "roc_auc >= 0.9" ]
        model: {"{"} name: small {"}"}
        """);

    /// <summary>Commits every change and returns the new commit's sha.</summary>
    public string Commit(string message)
    {
        using var repo = new Repository(Root);
        Commands.Stage(repo, "*");
        var who = new Signature("Test", "test@example.invalid", DateTimeOffset.UnixEpoch);
        return repo.Commit(message, who, who).Sha;
    }

    /// <summary>Runs the stages up to <paramref name="last"/> (InitStore first) and returns the last result.</summary>
    public async Task<StageResult> RunThroughAsync(StageName last, string? trackingUri = null)
    {
        var runner = new PipelineRunner(Reporter, TimeProvider.System, Environment);
        StageResult result = null!;
        foreach (var stage in StageNames.InWorkflowOrder.TakeWhile(s => s <= last))
            result = await runner.RunAsync(stage, new PipelineStageOptions(PipelinePath, trackingUri, OutputDirectory: Path.Combine(Root, "out")));
        return result;
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(Root, recursive: true);
    }
}
