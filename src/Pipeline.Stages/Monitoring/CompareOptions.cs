using Pipeline.Ml.Data;

namespace Pipeline.Stages.Monitoring;

/// <summary>How <see cref="LiveComparison"/> evaluates and compares the versions.</summary>
public sealed record CompareOptions
{
    /// <summary>The task; default null: classification when every prediction is a class (text or a whole number) or
    /// the log holds probabilities, else regression.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>The metric whose difference is bootstrapped, by the evaluate stage's name; default null:
    /// <c>accuracy_score</c> for classification, <c>root_mean_squared_error</c> for regression.</summary>
    public string? Metric { get; init; }

    /// <summary>Bootstrap resamples; default 1,000.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The bootstrap's random seed; default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The interval's coverage; default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;
}
