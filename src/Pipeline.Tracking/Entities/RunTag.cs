namespace Pipeline.Tracking.Entities;

/// <summary>A mutable key/value tag on a run (or, with the same shape, an experiment).</summary>
public sealed record RunTag(string Key, string Value);
