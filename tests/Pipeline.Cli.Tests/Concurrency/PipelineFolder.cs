using System.Diagnostics;

namespace Pipeline.Cli.Tests.Concurrency;

/// <summary>
/// TEST HELPER: a folder holding a tiny pipeline file (breast-cancer data, a small grid, 2 folds, serve.port 0) that
/// real <c>pipeline</c> processes run in, with DockerServe falling back to a local process (no engine reachable).
/// </summary>
internal static class PipelineFolder
{
    public const string Experiment = "concurrent";
    public const string ModelName = "concurrent-classifier";

    /// <summary>Writes <c>pipeline.yaml</c> (trials = <paramref name="cValues"/> x 1 trainer) and the data into <paramref name="folder"/>.</summary>
    public static void Write(string folder, string cValues = "0.1, 1.0", int folds = 2)
    {
        File.Copy(Path.Combine(RepositoryRoot(), "data", "breast_cancer.csv"), Path.Combine(folder, "breast_cancer.csv"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "pipeline.yaml"), $"""
            experiment: {Experiment}
            tracking:
              artifact_root: ./mlartifacts
            data:
              path: breast_cancer.csv
              label: target
              task: binary_classification
              test_fraction: 0.2
              seed: 42
            sweep:
              strategy: grid
              seed: 42
              cv_folds: {folds}
              parallelism: 1
              search_space:
                - trainer: lbfgs_logistic_regression
                  params:
                    C: [{cValues}]
            select:
              metric: roc_auc
              direction: maximize
            model:
              name: {ModelName}
              alias: champion
            serve:
              port: 0
            """);
    }

    /// <summary>The environment every process gets: no Docker engine (a local scoring process instead).</summary>
    public static Dictionary<string, string?> Environment(string? executionId = null) => new()
    {
        ["DOCKER_HOST"] = "unix:///nonexistent/pipeline-tests/docker.sock",
        ["PIPELINE_EXECUTION_ID"] = executionId,
        ["GITHUB_ACTIONS"] = null,
    };

    /// <summary>Starts <c>pipeline ARGS</c> in <paramref name="folder"/> without waiting (output drained into the returned builders).</summary>
    public static (Process Process, Func<string> Output) Start(string folder, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        info.ArgumentList.Add(CliProcess.DllPath);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment.Remove("MLFLOW_TRACKING_URI");
        foreach (var (key, value) in environment)
        {
            if (value is null)
                info.Environment.Remove(key);
            else
                info.Environment[key] = value;
        }
        var output = new System.Text.StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, () => { lock (output) return output.ToString(); });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above the test folder.");
    }
}
