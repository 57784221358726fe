namespace Pipeline.Tracking.Entities;

/// <summary>A run parameter; once logged it cannot change.</summary>
public sealed record Param(string Key, string Value);
