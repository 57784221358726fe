using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Stages.Stages.Sweep.Sampling;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Reads the sweep's search and stopping options: <c>tpe</c>, <c>pruner</c>, <c>stop_when</c>, <c>timeout</c>.</summary>
internal static partial class SweepOptionsReader
{
    private static readonly IReadOnlyList<string> TpeKeys = ["n_startup_trials", "n_ei_candidates"];

    private static readonly IReadOnlyList<string> PrunerKeys =
        ["type", "n_startup_trials", "n_warmup_steps", "min_resource", "reduction_factor", "min_early_stopping_rate"];

    /// <summary>The keys each pruner accepts besides <c>type</c>.</summary>
    private static readonly IReadOnlyDictionary<PrunerKind, string[]> PrunerSettings = new Dictionary<PrunerKind, string[]>
    {
        [PrunerKind.Median] = ["n_startup_trials", "n_warmup_steps"],
        [PrunerKind.SuccessiveHalving] = ["min_resource", "reduction_factor", "min_early_stopping_rate"],
        [PrunerKind.Hyperband] = ["min_resource", "reduction_factor"],
    };

    public static TpeOptions? ReadTpe(SpecReader reader, MappingReader sweep, SweepStrategy? strategy)
    {
        var node = sweep.Get("tpe");
        if (node is null) return null;
        if (strategy is not null and not SweepStrategy.Tpe)
        {
            reader.Error(node, sweep.PathOf("tpe"), $"tpe settings need strategy 'tpe' (the strategy is '{strategy.Value.ToYamlName()}')");
            return null;
        }

        var map = reader.Mapping(node, sweep.PathOf("tpe"), TpeKeys);
        if (map is null) return null;
        return new TpeOptions(
            map.Integer("n_startup_trials", min: 0) ?? TpeOptions.DefaultStartupTrials,
            map.Integer("n_ei_candidates", min: 1) ?? TpeOptions.DefaultEiCandidates);
    }

    public static PrunerSpec? ReadPruner(SpecReader reader, MappingReader sweep, int folds)
    {
        var node = sweep.Get("pruner");
        if (node is null) return null;
        if (node is YamlScalarNode)
            return sweep.Choice("pruner", SpecNames.Pruners, SpecNames.ToYamlName) is { } kind ? new PrunerSpec(kind) : null;

        var map = reader.Mapping(node, sweep.PathOf("pruner"), PrunerKeys);
        if (map?.Choice("type", SpecNames.Pruners, SpecNames.ToYamlName, required: true) is not { } type) return null;
        foreach (var key in PrunerKeys.Skip(1).Where(k => map.Get(k) is not null && !PrunerSettings[type].Contains(k)))
        {
            reader.Error(map.Get(key)!, map.PathOf(key),
                $"pruner '{type.ToYamlName()}' has no setting '{key}' (its settings: {string.Join(", ", PrunerSettings[type])})");
        }

        var lastFold = Math.Max(folds, 1);
        return new PrunerSpec(
            type,
            StartupTrials: map.Integer("n_startup_trials", min: 0),
            WarmupSteps: map.Integer("n_warmup_steps", min: 0, max: lastFold),
            MinResource: map.Integer("min_resource", min: 1, max: lastFold),
            ReductionFactor: map.Integer("reduction_factor", min: 2),
            MinEarlyStoppingRate: map.Integer("min_early_stopping_rate", min: 0, max: 30));
    }

    public static GateSpec? ReadStopWhen(SpecReader reader, MappingReader sweep, TaskKind? task)
    {
        var node = sweep.Get("stop_when");
        if (node is null) return null;
        var path = sweep.PathOf("stop_when");
        if (node is not YamlScalarNode { Value: { } text })
        {
            reader.Error(node, path, $"expected an expression such as 'roc_auc >= 0.99', got {YamlScalars.Describe(node)}");
            return null;
        }

        if (!GateSpec.TryParse(text, out var condition, out var error))
        {
            reader.Error(node, path, error!);
            return null;
        }

        if (condition!.Baseline is not null)
        {
            reader.Error(node, path, "stop_when compares with a number, not with a registered model's metric");
            return null;
        }

        return task is null || MetricSectionsReader.FindMetric(reader, node, path, condition.Metric, task) is not null ? condition : null;
    }

    public static TimeSpan? ReadTimeout(SpecReader reader, MappingReader sweep)
    {
        var node = sweep.Get("timeout");
        if (node is null) return null;
        var text = (node as YamlScalarNode)?.Value?.Trim() ?? "";
        var match = Duration().Match(text);
        if (match.Success
            && double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            && amount > 0 && double.IsFinite(amount))
        {
            var seconds = amount * match.Groups["unit"].Value switch { "m" => 60, "h" => 3600, _ => 1 };
            if (seconds <= TimeSpan.MaxValue.TotalSeconds / 2) return TimeSpan.FromSeconds(seconds);
        }

        reader.Error(node, sweep.PathOf("timeout"),
            $"expected a positive duration in seconds or with a unit (e.g. 600, 90s, 10m, 1h), got {YamlScalars.Describe(node)}");
        return null;
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>s|m|h)?$")]
    private static partial Regex Duration();
}
