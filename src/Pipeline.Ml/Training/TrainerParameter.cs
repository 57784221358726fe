using System.Globalization;

namespace Pipeline.Ml.Training;

/// <summary>
/// A declared trainer parameter: its name (as written in the pipeline YAML), type, default and allowed
/// range, so a validator can check a search space before anything trains.
/// </summary>
/// <param name="Name">The parameter name, e.g. <c>C</c> or <c>number_of_trees</c>.</param>
/// <param name="Type">Integer or real.</param>
/// <param name="Default">The value used when the configuration does not give one.</param>
/// <param name="Minimum">The lower bound.</param>
/// <param name="Maximum">The upper bound (inclusive).</param>
/// <param name="MinimumExclusive">Whether the lower bound itself is excluded (e.g. <c>C &gt; 0</c>).</param>
/// <param name="Description">What it controls and how it maps to ML.NET.</param>
public sealed record TrainerParameter(
    string Name,
    ParameterType Type,
    double Default,
    double Minimum,
    double Maximum,
    bool MinimumExclusive,
    string Description)
{
    /// <summary>The allowed range in interval notation, e.g. <c>(0, 1e+06]</c>.</summary>
    public string Range => string.Create(CultureInfo.InvariantCulture, $"{(MinimumExclusive ? "(" : "[")}{Minimum}, {Maximum}]");

    /// <summary>Why a value is not allowed, or null when it is.</summary>
    public string? Check(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return $"'{Name}' must be a finite number";
        if (Type == ParameterType.Integer && value != Math.Floor(value))
            return string.Create(CultureInfo.InvariantCulture, $"'{Name}' must be an integer, got {value}");
        var tooLow = MinimumExclusive ? value <= Minimum : value < Minimum;
        if (tooLow || value > Maximum)
            return string.Create(CultureInfo.InvariantCulture, $"'{Name}' = {value} is outside its range {Range}");
        return null;
    }
}
