using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Reads <c>select</c> and <c>evaluate</c>, whose metric names must be produced for the task kind.</summary>
internal static class MetricSectionsReader
{
    private static readonly IReadOnlyList<string> SelectKeys = ["metric", "direction"];
    private static readonly IReadOnlyList<string> EvaluateKeys = ["gates"];

    public static SelectSpec ReadSelect(SpecReader reader, YamlNode node, TaskKind? task)
    {
        var map = reader.Mapping(node, "select", SelectKeys);
        if (map is null) return new SelectSpec("", OptimizationDirection.Maximize);

        var metric = map.String("metric", required: true);
        var descriptor = metric is null ? null : FindMetric(reader, map.Get("metric")!, map.PathOf("metric"), metric, task);
        var direction = map.Choice("direction", SpecNames.Directions, SpecNames.ToYamlName);
        var natural = descriptor?.GreaterIsBetter == false ? OptimizationDirection.Minimize : OptimizationDirection.Maximize;
        return new SelectSpec(metric ?? "", direction ?? natural);
    }

    public static EvaluateSpec ReadEvaluate(SpecReader reader, YamlNode node, TaskKind? task)
    {
        var map = reader.Mapping(node, "evaluate", EvaluateKeys);
        var gatesNode = map?.Get("gates");
        if (map is null || gatesNode is null) return EvaluateSpec.None;
        if (gatesNode is not YamlSequenceNode sequence)
        {
            reader.Error(gatesNode, map.PathOf("gates"), $"expected a list of expressions such as 'roc_auc >= 0.95', got {YamlScalars.Describe(gatesNode)}");
            return EvaluateSpec.None;
        }

        var gates = new List<GateSpec>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = $"{map.PathOf("gates")}[{i}]";
            if (item is not YamlScalarNode { Value: { } text } || YamlScalars.IsNull(item))
            {
                reader.Error(item, path, $"expected an expression such as 'roc_auc >= 0.95', got {YamlScalars.Describe(item)}");
            }
            else if (!GateSpec.TryParse(text, out var gate, out var error))
            {
                reader.Error(item, path, error!);
            }
            else if (gate!.Baseline is { } baseline && SmallSectionsReader.AliasProblem(baseline.Alias) is { } problem)
            {
                reader.Error(item, path, $"gate '{text.Trim()}': {problem}");
            }
            else if ((FindMetric(reader, item, path, gate.Metric, task) is not null || task is null)
                     && (gate.Baseline is null || FindMetric(reader, item, path, gate.Baseline.Metric, task) is not null || task is null))
            {
                gates.Add(gate);
            }
        }

        return new EvaluateSpec(gates);
    }

    internal static MetricDescriptor? FindMetric(SpecReader reader, YamlNode node, string path, string name, TaskKind? task)
    {
        if (task is null) return null;
        var metrics = reader.Metrics.MetricsFor(task.Value);
        var found = metrics.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        if (found is null)
        {
            var names = metrics.Select(m => m.Name).ToList();
            reader.Error(node, path,
                $"metric '{name}' is not produced for task '{task.Value.ToYamlName()}'{KeySuggester.Hint(name, names)} (metrics: {string.Join(", ", names)})");
        }

        return found;
    }
}
