using Docker.DotNet;
using Docker.DotNet.Models;
using Pipeline.Docker;
using Pipeline.Ml.Packaging;

namespace Pipeline.Cli.Tests.Serving;

/// <summary>
/// TEST HELPER: the CLI as a user has it, away from this repository: its build output (framework-dependent, as
/// <c>dotnet tool install</c> lays it out) copied to a temp folder with only the Linux native libraries, as the tool
/// package keeps a few platforms; and a user's own project in another temp folder, with a pipeline file and its data,
/// trained and packaged by that copy (init-store ... package), so the serving stages have a registered model.
/// </summary>
public sealed class InstalledToolWorkspace : IAsyncLifetime
{
    public const string ModelName = "installed-tool-model";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pipeline-installed-{Guid.NewGuid():N}");

    public string Tool => Path.Combine(_root, "tool", "pipeline.dll");

    public string Project => Path.Combine(_root, "project");

    public int Port { get; } = FreeTcpPort.Next();

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>The packaged model as the artifact store holds it, for offline predictions.</summary>
    public PackagedModel Model { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var built = Path.GetDirectoryName(CliProcess.DllPath)!;
        var tool = Path.GetDirectoryName(Tool)!;
        foreach (var file in Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(built, file);
            if (relative.StartsWith("runtimes", StringComparison.Ordinal) && !relative.StartsWith($"runtimes{Path.DirectorySeparatorChar}linux", StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tool, relative))!);
            File.Copy(file, Path.Combine(tool, relative));
        }

        Directory.CreateDirectory(Project);
        var repository = Path.GetFullPath(Path.Combine(built, "..", "..", "..", "..", ".."));
        File.Copy(Path.Combine(repository, "data", "breast_cancer.csv"), Path.Combine(Project, "breast_cancer.csv"));
        await File.WriteAllTextAsync(Path.Combine(Project, "pipeline.yaml"), $"""
            experiment: installed-tool
            data: {"{"} path: breast_cancer.csv, label: target, task: binary_classification, test_fraction: 0.2, seed: 42 {"}"}
            sweep:
              strategy: grid
              cv_folds: 2
              search_space:
                - trainer: lbfgs_logistic_regression
                  params: {"{"} C: [1.0] {"}"}
            select: {"{"} metric: roc_auc, direction: maximize {"}"}
            model: {"{"} name: {ModelName}, alias: champion {"}"}
            serve: {"{"} port: {Port} {"}"}
            """);
        foreach (var stage in new[] { "init-store", "prepare-data", "sweep", "select", "evaluate", "package" })
        {
            var result = await RunAsync(null, stage);
            Assert.True(result.ExitCode == 0, $"{stage} failed:\n{result.Output}\n{result.Error}");
        }

        Model = PackagedModel.Load(Path.GetDirectoryName(
            Directory.GetFiles(Path.Combine(Project, "mlartifacts"), "MLmodel", SearchOption.AllDirectories).Single())!);
    }

    /// <summary>Runs <c>pipeline run &lt;stage&gt; --pipeline pipeline.yaml</c> with the installed copy, in the project folder.</summary>
    public Task<CliProcess.Result> RunAsync(string? dockerHost, string stage, params string[] arguments) =>
        CliProcess.RunAsync(Tool, TimeSpan.FromMinutes(3), Project,
            dockerHost is null ? null : new Dictionary<string, string?> { ["DOCKER_HOST"] = dockerHost },
            ["run", stage, "--pipeline", "pipeline.yaml", .. arguments]);

    public async Task DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            using var engine = DockerEngine.FromEnvironment();
            foreach (var tag in new[] { $"{ModelName}:1", $"{ModelName}:champion" })
            {
                try
                {
                    await engine.Client.Images.DeleteImageAsync(tag, new ImageDeleteParameters());
                }
                catch (DockerApiException)
                {
                    // Not built (the Docker test was skipped or failed early).
                }
            }
        }

        Directory.Delete(_root, recursive: true);
    }
}
