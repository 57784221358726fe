using System.Globalization;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// The trainers a pipeline can name, per task, with their declared parameters.
/// Binary: <c>lbfgs_logistic_regression</c>, <c>sdca_logistic_regression</c>, <c>fast_tree</c>, <c>lightgbm</c>.
/// Multiclass: <c>lbfgs_maximum_entropy</c>, <c>sdca_maximum_entropy</c>, <c>fast_tree</c> (one versus all), <c>lightgbm</c>.
/// Regression: <c>sdca_regression</c>, <c>lbfgs_poisson_regression</c>, <c>fast_tree</c>, <c>lightgbm</c>.
/// </summary>
public sealed class TrainerCatalog
{
    private readonly IReadOnlyList<TrainerDefinition> _definitions;

    private TrainerCatalog(IEnumerable<TrainerDefinition> definitions) => _definitions = definitions.ToArray();

    /// <summary>The built-in catalog (immutable).</summary>
    public static TrainerCatalog Default { get; } = new(
        TrainerDefinitions.Binary().Concat(TrainerDefinitions.Multiclass()).Concat(TrainerDefinitions.Regression()));

    /// <summary>The trainers for a task, in catalog order.</summary>
    public IReadOnlyList<TrainerDefinition> For(TaskKind task) => _definitions.Where(d => d.Task == task).ToArray();

    /// <summary>A trainer by task and name.</summary>
    /// <exception cref="TrainerConfigurationException">No such trainer; the message lists the task's trainers.</exception>
    public TrainerDefinition Get(TaskKind task, string name) =>
        _definitions.FirstOrDefault(d => d.Task == task && d.Name == name)
        ?? throw new TrainerConfigurationException(
            $"Unknown {task.ToString().ToLowerInvariant()} trainer '{name}'; known: {string.Join(", ", For(task).Select(d => d.Name))}.", name);

    /// <summary>
    /// Validates parameter values for a trainer and fills in defaults. Values may be numbers or strings
    /// holding numbers (read with the invariant culture), as they come from YAML.
    /// </summary>
    /// <exception cref="TrainerConfigurationException">Unknown trainer or parameter, or a value of the wrong type or out of range.</exception>
    public TrainerConfiguration Resolve(TaskKind task, string trainer, IReadOnlyDictionary<string, object?>? values = null, int seed = 42)
    {
        var definition = Get(task, trainer);
        values ??= new Dictionary<string, object?>();
        foreach (var key in values.Keys.Where(k => definition.Parameters.All(p => p.Name != k)))
            throw new TrainerConfigurationException(
                $"Trainer '{trainer}' has no parameter '{key}'; its parameters are: {string.Join(", ", definition.Parameters.Select(p => p.Name))}.",
                trainer, key);
        var resolved = new Dictionary<string, double>();
        foreach (var parameter in definition.Parameters)
        {
            var value = values.TryGetValue(parameter.Name, out var raw) ? ToNumber(raw, trainer, parameter.Name) : parameter.Default;
            if (parameter.Check(value) is { } problem) throw new TrainerConfigurationException($"Trainer '{trainer}': {problem}.", trainer, parameter.Name);
            resolved[parameter.Name] = value;
        }

        return new TrainerConfiguration(task, trainer, resolved, seed);
    }

    private static double ToNumber(object? raw, string trainer, string name) => raw switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new TrainerConfigurationException($"Trainer '{trainer}': '{name}' must be a number, got '{raw}'.", trainer, name),
    };
}
