namespace Pipeline.Tracking.Analysis;

/// <summary>One trial as the sweep plots see it.</summary>
/// <param name="Index">Its trial number (the x of the optimization history).</param>
/// <param name="Params">Its params as logged (trainer included); conditional params are absent.</param>
/// <param name="Value">Its selection metric; null for a failed or pruned trial, which the plots leave out.</param>
public sealed record SweepTrialPoint(int Index, IReadOnlyDictionary<string, string> Params, double? Value);
