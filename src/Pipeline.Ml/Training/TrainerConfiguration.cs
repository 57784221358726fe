using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// A validated trainer choice: the task, the trainer's catalog name, every declared parameter with its
/// value (defaults filled in), and the seed. Build one with <see cref="TrainerCatalog.Resolve"/>.
/// </summary>
/// <param name="Task">The task the trainer is for.</param>
/// <param name="Trainer">The trainer's catalog name.</param>
/// <param name="Parameters">Every declared parameter of the trainer and its value.</param>
/// <param name="Seed">The seed for the ML context and any trainer randomness. Default 42.</param>
public sealed record TrainerConfiguration(
    TaskKind Task,
    string Trainer,
    IReadOnlyDictionary<string, double> Parameters,
    int Seed = 42)
{
    /// <summary>A parameter value.</summary>
    /// <exception cref="KeyNotFoundException">The trainer declares no such parameter.</exception>
    public double this[string parameter] => Parameters.TryGetValue(parameter, out var value)
        ? value
        : throw new KeyNotFoundException($"Trainer '{Trainer}' has no parameter '{parameter}'.");
}
