namespace Pipeline.Stages.Spec;

/// <summary>A trainer parameter a search space may set.</summary>
/// <param name="Name">The name used under <c>params</c>, e.g. <c>C</c> or <c>number_of_trees</c>.</param>
/// <param name="Type">Its type.</param>
/// <param name="Default">The trainer's value when the search space does not name it (informative).</param>
public sealed record ParameterDescriptor(string Name, ParameterType Type, ParameterValue? Default = null)
{
    /// <summary>The lowest allowed value (numeric types); null = unbounded.</summary>
    public double? Min { get; init; }

    /// <summary>The highest allowed value (numeric types); null = unbounded.</summary>
    public double? Max { get; init; }

    /// <summary>True when <see cref="Min"/> itself is not allowed (e.g. <c>C &gt; 0</c>). Default false.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>True when <see cref="Max"/> itself is not allowed. Default false.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>The allowed strings of a <see cref="ParameterType.Choice"/>; empty otherwise.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Whether a number lies within <see cref="Min"/> and <see cref="Max"/>.</summary>
    public bool Allows(double value) =>
        (Min is not { } min || (MinExclusive ? value > min : value >= min))
        && (Max is not { } max || (MaxExclusive ? value < max : value <= max));

    /// <summary>The allowed interval in interval notation, e.g. <c>(0, +inf)</c>.</summary>
    public string DescribeRange()
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var low = Min is { } min ? $"{(MinExclusive ? "(" : "[")}{min.ToString("R", culture)}" : "(-inf";
        var high = Max is { } max ? $"{max.ToString("R", culture)}{(MaxExclusive ? ")" : "]")}" : "+inf)";
        return $"{low}, {high}";
    }
}
