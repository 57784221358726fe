using System.Diagnostics;
using Pipeline.Bench.Sweeps;

// Usage: [synthetic|real|both] [--seeds N] [--trials N] [--folds N]. Prints best-so-far after 10, 20 and 50 trials
// averaged over seeds, TPE against random with the same seeds (so their first n_startup_trials trials coincide).
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "both";
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

var trials = Option("--trials", 50);
var output = Console.Out;
output.WriteLine($"Pipeline.Bench.Sweeps on {Environment.ProcessorCount} cores");
if (mode is "synthetic" or "both")
{
    var clock = Stopwatch.StartNew();
    var result = SamplerComparison.Run(SyntheticObjective.Space, SyntheticObjective.Evaluate, Option("--seeds", 10), trials);
    result.Print(output, $"Synthetic objective (known optimum 0 at learning_rate=0.0316, leaves=32, trees=300, min rows=20), {clock.Elapsed.TotalSeconds:F1} s");
}

if (mode is "real" or "both")
{
    var clock = Stopwatch.StartNew();
    var objective = new LightGbmObjective(Option("--folds", 5));
    var result = SamplerComparison.Run(LightGbmObjective.Space, objective.Evaluate, Option("--seeds", 10), trials);
    result.Print(output, $"LightGBM on breast-cancer, {objective.Folds}-fold CV roc_auc of the 455-row training split, {clock.Elapsed.TotalSeconds:F0} s");
}

return 0;
