using System.Globalization;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>The sweep run's params and description for the search and stopping options a file sets.</summary>
internal static class SweepParams
{
    /// <summary>On the sweep run: why it stopped early and how many declared trials it did not run.</summary>
    public const string StoppedTag = "pipeline.sweep.stopped";

    /// <summary>Params for the options that are set (none for a plain grid or random sweep).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Options(SweepSpec sweep)
    {
        if (sweep.Strategy == SweepStrategy.Tpe)
        {
            var tpe = sweep.Tpe ?? new Sampling.TpeOptions();
            yield return Pair("sweep.tpe.n_startup_trials", tpe.StartupTrials);
            yield return Pair("sweep.tpe.n_ei_candidates", tpe.EiCandidates);
        }

        if (sweep.Pruner is { } pruner)
            yield return KeyValuePair.Create("sweep.pruner", pruner.Kind.ToYamlName());
        if (sweep.StopWhen is { } stop)
            yield return KeyValuePair.Create("sweep.stop_when", stop.ToString());
        if (sweep.Timeout is { } timeout)
            yield return KeyValuePair.Create("sweep.timeout", timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>E.g. <c>, pruner median, stop when roc_auc &gt;= 0.99</c>; empty when nothing is set.</summary>
    public static string Describe(SweepSpec sweep)
    {
        var parts = new List<string>();
        if (sweep.Pruner is { } pruner) parts.Add($"pruner {pruner.Kind.ToYamlName()}");
        if (sweep.StopWhen is { } stop) parts.Add($"stop when {stop}");
        if (sweep.Timeout is { } timeout) parts.Add(string.Create(CultureInfo.InvariantCulture, $"timeout {timeout.TotalSeconds:0.#} s"));
        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }

    private static KeyValuePair<string, string> Pair(string key, int value) =>
        KeyValuePair.Create(key, value.ToString(CultureInfo.InvariantCulture));
}
