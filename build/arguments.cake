using Pipeline.Stages.Running;

// The build's own arguments, declared once: --help lists them and any other argument is refused (a typo such as
// --pipline would otherwise be ignored and the default pipeline run). Cake consumes its own options (--verbosity,
// --exclusive, --dryrun, --tree, ...) before the script sees the rest.
public sealed record BuildArgument(string Name, string Value, string Description);

public static class BuildArguments
{
    public static readonly BuildArgument[] Known =
    {
        new("target", "<task>", "The task to run with its predecessors (default: Default, every stage). See the targets below."),
        new("pipeline", "<file>", "The pipeline file (default pipelines/breast-cancer.yaml)."),
        new("tracking-uri", "<uri>", "Tracking store (sqlite:///path, postgresql://..., http://server); overrides MLFLOW_TRACKING_URI and the pipeline file."),
        new("force", "", "Rerun stages even when their inputs are unchanged."),
        new("output", "<dir>", "Folder for the Markdown summary and HTML report (default out/<experiment>)."),
        new("require-docker", "", "DockerServe fails without a Docker engine instead of serving as a local process."),
        new("keep-serving", "", "SmokeTest leaves the served endpoint running."),
        new("execution-id", "<id>", "The pipeline execution the stages belong to (default PIPELINE_EXECUTION_ID; a whole build makes up its own), e.g. a CI run id shared by jobs."),
    };

    // What build.sh/build.ps1 pass for --help, and Cake's own switches and configuration keys that reach the script.
    private static readonly string[] Internal = { "show-help", "invalidate-script-cache", "no-report" };
    private static readonly string[] ConfigurationPrefixes = { "settings_", "paths_", "nuget_", "roslyn_" };

    /// <summary>An error naming each unknown argument (with the closest known one) and the known ones; null when all are known.</summary>
    public static string Check(IEnumerable<string> given)
    {
        var names = Known.Select(a => a.Name).ToArray();
        var unknown = given.Where(g => !names.Contains(g, StringComparer.OrdinalIgnoreCase) && !Internal.Contains(g, StringComparer.OrdinalIgnoreCase)
            && !ConfigurationPrefixes.Any(p => g.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count == 0)
            return null;
        var each = unknown.Select(u => Closest(u, names) is { } near ? $"--{u} (did you mean --{near}?)" : $"--{u}");
        return $"unknown argument{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", each)}. The arguments are: {string.Join(", ", names.Select(n => "--" + n))}, " +
            "and Cake's own (--verbosity, --exclusive, --dryrun, --tree, --description); ./build.sh --help explains them.";
    }

    public static string Help(IEnumerable<(string Name, string Description)> targets)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("Usage: ./build.sh [--target=<task>] [--pipeline=<file>] [options]   (./build.ps1 on Windows)");
        text.AppendLine();
        text.AppendLine("Arguments:");
        foreach (var a in Known)
            text.AppendLine($"  {("--" + a.Name + (a.Value.Length > 0 ? "=" + a.Value : "")),-24} {a.Description}");
        text.AppendLine($"  {"--exclusive",-24} Run the target alone, without its predecessors (Cake's option).");
        text.AppendLine($"  {"--verbosity=<level>",-24} quiet, minimal, normal, verbose or diagnostic (Cake's option).");
        text.AppendLine();
        text.AppendLine("Targets (each runs the stages before it, in workflow order):");
        foreach (var (name, description) in targets)
            text.AppendLine($"  {name,-24} {description}");
        text.AppendLine();
        text.AppendLine("Exit codes: 0 success, 1 error, 2 invalid command line, 3 a quality gate was not met.");
        text.Append("Cake's own options: dotnet cake --help.");
        return text.ToString();
    }

    private static string Closest(string given, string[] candidates)
    {
        var best = candidates.Select(c => (Name: c, Distance: Distance(given.ToLowerInvariant(), c))).OrderBy(c => c.Distance).First();
        return best.Distance <= Math.Max(2, given.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
