using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Reads <c>model.promote</c>: the target alias and the metrics the candidate must win on.</summary>
internal static class PromoteSectionReader
{
    private static readonly IReadOnlyList<string> PromoteKeys = ["to_alias", "metrics", "min_absolute_change", "min_relative_change"];

    public static PromoteSpec? Read(SpecReader reader, YamlNode node, string path, string candidateAlias, TaskKind? task)
    {
        var map = reader.Mapping(node, path, PromoteKeys);
        if (map is null) return null;
        var toAlias = map.String("to_alias", required: true);
        if (toAlias is not null && SmallSectionsReader.AliasProblem(toAlias) is { } problem)
            reader.Error(map.Get("to_alias")!, map.PathOf("to_alias"), problem);
        else if (toAlias == candidateAlias)
            reader.Error(map.Get("to_alias")!, map.PathOf("to_alias"),
                $"to_alias must differ from model.alias ('{candidateAlias}'): the new version is registered under model.alias and promoted to to_alias");
        var absolute = map.Number("min_absolute_change", v => v >= 0, "a number >= 0");
        var relative = map.Number("min_relative_change", v => v >= 0, "a number >= 0");

        var thresholds = new List<Promotion.MetricThreshold>();
        var metricsNode = map.Require("metrics");
        if (metricsNode is YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var item = sequence.Children[i];
                var itemPath = $"{map.PathOf("metrics")}[{i}]";
                if (item is not YamlScalarNode { Value: { Length: > 0 } name } || YamlScalars.IsNull(item))
                    reader.Error(item, itemPath, $"expected a metric name such as 'roc_auc', got {YamlScalars.Describe(item)}");
                else if (Direction(reader, item, itemPath, name, task) is { } greaterIsBetter)
                    thresholds.Add(new Promotion.MetricThreshold(name, absolute, relative, greaterIsBetter));
            }
        }
        else if (metricsNode is not null)
        {
            reader.Error(metricsNode, map.PathOf("metrics"), $"expected a non-empty list of metric names such as [roc_auc], got {YamlScalars.Describe(metricsNode)}");
        }

        return new PromoteSpec(toAlias ?? "", thresholds);
    }

    /// <summary>Whether greater is better for <paramref name="name"/>; null (with an error) when the task does not produce it.</summary>
    private static bool? Direction(SpecReader reader, YamlNode node, string path, string name, TaskKind? task)
    {
        if (task is null) return true;
        var metrics = reader.Metrics.MetricsFor(task.Value);
        var found = metrics.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        if (found is not null) return found.GreaterIsBetter;
        var names = metrics.Select(m => m.Name).ToList();
        reader.Error(node, path,
            $"metric '{name}' is not produced for task '{task.Value.ToYamlName()}'{KeySuggester.Hint(name, names)} (metrics: {string.Join(", ", names)})");
        return null;
    }
}
