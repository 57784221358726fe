namespace Pipeline.Stages.Reproduction;

/// <summary>One param or metric that the reproduction did not give back: <c>null</c> on a side where it is missing.</summary>
/// <param name="Kind"><c>param</c> or <c>metric</c>.</param>
/// <param name="Key">The param or metric key.</param>
/// <param name="Original">The value on the original run.</param>
/// <param name="Reproduced">The value on the re-run.</param>
public sealed record ValueDifference(string Kind, string Key, string? Original, string? Reproduced);
