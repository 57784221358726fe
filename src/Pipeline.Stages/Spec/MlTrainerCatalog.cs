using MlTraining = Pipeline.Ml.Training;

namespace Pipeline.Stages.Spec;

/// <summary>
/// Presents Pipeline.Ml's trainer catalog to the pipeline-file validator, so the file is checked against exactly
/// the trainers and parameter ranges that will train it.
/// </summary>
public sealed class MlTrainerCatalog : ITrainerCatalog
{
    private readonly Dictionary<string, TrainerDescriptor> _byName;

    public MlTrainerCatalog(MlTraining.TrainerCatalog catalog)
    {
        // One ML.NET trainer name can serve several task kinds (fast_tree, lightgbm): merge them into one descriptor.
        _byName = Enum.GetValues<TaskKind>()
            .SelectMany(task => catalog.For(task))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Describe(g.ToList()), StringComparer.Ordinal);
    }

    /// <summary>The catalog of <see cref="MlTraining.TrainerCatalog.Default"/>.</summary>
    public static MlTrainerCatalog Default { get; } = new(MlTraining.TrainerCatalog.Default);

    public IReadOnlyCollection<TrainerDescriptor> Trainers => _byName.Values;

    public TrainerDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    private static TrainerDescriptor Describe(IReadOnlyList<MlTraining.TrainerDefinition> definitions)
    {
        // Parameters of the same name agree on type and range across task kinds; the first definition's are used.
        var parameters = definitions
            .SelectMany(d => d.Parameters)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => Describe(g.First()))
            .ToList();
        return new TrainerDescriptor(definitions[0].Name, definitions.Select(d => d.Task).ToHashSet(), parameters);
    }

    private static ParameterDescriptor Describe(MlTraining.TrainerParameter p)
    {
        var isInt = p.Type == ParameterType.Integer;
        var value = isInt ? ParameterValue.FromInteger((long)p.Default) : ParameterValue.FromNumber(p.Default);
        return new ParameterDescriptor(p.Name, p.Type, value)
        {
            Min = p.Minimum,
            Max = p.Maximum,
            MinExclusive = p.MinimumExclusive,
        };
    }
}
