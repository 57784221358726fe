using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>
/// Collects errors while the sections are read, so that one pass reports everything wrong with the file.
/// Readers keep going after an error, substituting a placeholder; the spec is discarded if any error exists.
/// </summary>
internal sealed class SpecReader(string source, string baseDirectory, ITrainerCatalog trainers, IMetricCatalog metrics)
{
    private readonly List<SpecError> errors = [];

    public string BaseDirectory { get; } = baseDirectory;

    public ITrainerCatalog Trainers { get; } = trainers;

    public IMetricCatalog Metrics { get; } = metrics;

    public IReadOnlyList<SpecError> Errors =>
        errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();

    public int ErrorCount => errors.Count;

    public void Error(YamlNode node, string path, string message) =>
        errors.Add(new SpecError(source, (int)node.Start.Line, (int)node.Start.Column, path, message));

    public void Error(int line, int column, string path, string message) =>
        errors.Add(new SpecError(source, line, column, path, message));

    /// <summary>Opens a mapping and reports its unknown keys; null (with an error) when the node is not one.</summary>
    public MappingReader? Mapping(YamlNode node, string path, IReadOnlyList<string> knownKeys)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(this, mapping, path, knownKeys);
        }

        Error(node, path, $"expected a mapping, got {YamlScalars.Describe(node)}");
        return null;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
