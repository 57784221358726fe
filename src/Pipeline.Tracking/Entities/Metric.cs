namespace Pipeline.Tracking.Entities;

/// <summary>One logged value of a metric. <paramref name="Value"/> may be NaN or infinite; <paramref name="Timestamp"/> is Unix ms.</summary>
public sealed record Metric(string Key, double Value, long Timestamp, long Step);
