namespace Pipeline.Bench.Training;

/// <summary>
/// Times the published CLI as a user or CI runs it, in a temporary folder holding copies of pipelines/ and data/:
/// each training stage as its own process with <c>--exclusive --force</c>, the whole path as one <c>pipeline run --force</c>
/// process, a no-change <c>pipeline run</c> (every stage skipped), and <c>pipeline stages</c> as the floor of
/// starting the process at all.
/// </summary>
internal sealed class CliBench(BenchArguments arguments, TextWriter output)
{
    private const string PipelineFile = "pipelines/breast-cancer.yaml";
    private static readonly string[] TrainingStages = ["prepare-data", "sweep", "select", "evaluate", "package"];

    public void Run()
    {
        var root = arguments.RepositoryRoot ?? RepositoryRoot.Find();
        var cli = arguments.CliPath ?? Path.Combine(root, ".tools", "pipeline", "pipeline");
        if (!File.Exists(cli))
            throw new FileNotFoundException($"Published CLI not found at {cli}; run: dotnet publish src/Pipeline.Cli -c Release --use-current-runtime --self-contained false -o .tools/pipeline", cli);

        using var work = new TempFolder("pipeline-bench-cli");
        CopyFolder(Path.Combine(root, "pipelines"), Path.Combine(work.Path, "pipelines"));
        CopyFolder(Path.Combine(root, "data"), Path.Combine(work.Path, "data"));
        var process = new CliProcess(cli, work.Path, arguments.Environment, arguments.RuntimeStats);
        output.WriteLine($"CLI bench: {cli}, {arguments.Repeat} repetitions in {work.Path}" +
            (arguments.Environment.Count > 0 ? $", env {string.Join(' ', arguments.Environment.Select(e => $"{e.Key}={e.Value}"))}" : "") +
            (arguments.RuntimeStats ? ", runtime figures through a startup hook" : ""));

        var startup = new Measurement("pipeline stages (process floor)");
        var init = new Measurement("init-store");
        var stages = TrainingStages.ToDictionary(s => s, s => new Measurement(s));
        var separate = new Measurement("5 stages, separate processes");
        var together = new Measurement("pipeline run --force (one process, all 8 stages)");
        var unchanged = new Measurement("pipeline run, no change (6 skipped; serve + smoke)");

        Time(init, () => process.Run("run", "init-store", "--pipeline", PipelineFile));
        for (var r = 0; r < arguments.Repeat; r++)
        {
            Time(startup, () => process.Run("stages"));
            var wall = TimeSpan.Zero;
            var cpu = TimeSpan.Zero;
            foreach (var stage in TrainingStages)
            {
                // --exclusive: since `pipeline run <stage>` runs its predecessors, a stage alone (as one CI job runs it) needs it.
                var run = Time(stages[stage], () => process.Run("run", stage, "--exclusive", "--pipeline", PipelineFile, "--force"));
                wall += run.Wall;
                cpu += run.Cpu;
            }

            separate.Add(wall, cpu);
            Time(together, () => process.Run("run", "--pipeline", PipelineFile, "--force"));
            Time(unchanged, () => process.Run("run", "--pipeline", PipelineFile));
            output.WriteLine($"  repetition {r + 1}: 5 stages {wall.TotalSeconds:F2} s, {LoadAverage.Describe()}");
        }

        ResultTable.Write(output, "Published CLI on breast-cancer (12 configurations, 5-fold CV); seconds",
            [startup, init, .. stages.Values, separate, together, unchanged]);
    }

    private static CliRun Time(Measurement measurement, Func<CliRun> run)
    {
        var result = run();
        measurement.Add(result.Wall, result.Cpu, result.Runtime);
        return result;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
