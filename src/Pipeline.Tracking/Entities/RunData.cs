namespace Pipeline.Tracking.Entities;

/// <summary>What a run has logged: the latest value of each metric, its params and tags.</summary>
public sealed record RunData(
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<Param> Params,
    IReadOnlyList<RunTag> Tags)
{
    public static RunData Empty { get; } = new([], [], []);

    public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key)?.Value;

    public string? Param(string key) => Params.FirstOrDefault(p => p.Key == key)?.Value;

    public double? Metric(string key) => Metrics.FirstOrDefault(m => m.Key == key)?.Value;
}
