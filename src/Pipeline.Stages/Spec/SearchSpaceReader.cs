using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Reads <c>sweep.search_space</c> against the trainer catalog.</summary>
internal static class SearchSpaceReader
{
    private static readonly IReadOnlyList<string> EntryKeys = ["trainer", "params"];

    public static IReadOnlyList<SearchSpaceEntry> Read(
        SpecReader reader, YamlNode node, string path, TaskKind? task, SweepStrategy? strategy)
    {
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, path, $"expected a list of trainers, got {YamlScalars.Describe(node)}");
            return [];
        }

        if (sequence.Children.Count == 0)
        {
            reader.Error(sequence, path, "the search space is empty; list at least one trainer");
        }

        var entries = new List<SearchSpaceEntry>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (ReadEntry(reader, sequence.Children[i], $"{path}[{i}]", task, strategy) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static SearchSpaceEntry? ReadEntry(
        SpecReader reader, YamlNode node, string path, TaskKind? task, SweepStrategy? strategy)
    {
        var map = reader.Mapping(node, path, EntryKeys);
        if (map is null) return null;

        var name = map.String("trainer", required: true);
        var trainer = name is null ? null : FindTrainer(reader, map, name, task);

        var parameters = new List<SearchParameter>();
        var paramsNode = map.Get("params");
        if (paramsNode is not null and not YamlMappingNode)
        {
            reader.Error(paramsNode, map.PathOf("params"), $"expected a mapping of parameter names, got {YamlScalars.Describe(paramsNode)}");
        }
        else if (paramsNode is YamlMappingNode paramsMap)
        {
            foreach (var (keyNode, valueNode) in paramsMap.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key })
                {
                    reader.Error(keyNode, map.PathOf("params"), $"expected a parameter name, got {YamlScalars.Describe(keyNode)}");
                    continue;
                }

                var keyPath = $"{map.PathOf("params")}.{key}";
                var descriptor = trainer?.FindParameter(key);
                if (trainer is not null && descriptor is null)
                {
                    var known = trainer.Parameters.Select(p => p.Name).ToList();
                    reader.Error(keyNode, keyPath,
                        $"unknown parameter '{key}' of trainer '{trainer.Name}'{KeySuggester.Hint(key, known)} (parameters: {(known.Count == 0 ? "none" : string.Join(", ", known))})");
                    continue;
                }

                if (ParameterDomainReader.Read(reader, valueNode, keyPath, descriptor, strategy) is { } domain)
                {
                    parameters.Add(new SearchParameter(key, domain));
                }
            }
        }

        return new SearchSpaceEntry(name ?? "", parameters);
    }

    private static TrainerDescriptor? FindTrainer(SpecReader reader, MappingReader map, string name, TaskKind? task)
    {
        var node = map.Get("trainer")!;
        var path = map.PathOf("trainer");
        var fitting = reader.Trainers.Trainers
            .Where(t => task is null || t.Tasks.Contains(task.Value))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var trainer = reader.Trainers.Find(name);
        if (trainer is null)
        {
            var known = reader.Trainers.Trainers.Select(t => t.Name);
            var forTask = task is null ? "" : $" for {task.Value.ToYamlName()}";
            reader.Error(node, path,
                $"unknown trainer '{name}'{KeySuggester.Hint(name, known)} (trainers{forTask}: {string.Join(", ", fitting)})");
            return null;
        }

        if (task is not null && !trainer.Tasks.Contains(task.Value))
        {
            reader.Error(node, path,
                $"trainer '{name}' does not support task '{task.Value.ToYamlName()}' (trainers that do: {string.Join(", ", fitting)})");
        }

        return trainer;
    }
}
