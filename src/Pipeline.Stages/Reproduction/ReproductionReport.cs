namespace Pipeline.Stages.Reproduction;

/// <summary>What a reproduction found.</summary>
/// <param name="RunId">The reproduced run.</param>
/// <param name="Verdict">Reproduced, not reproduced, or an error.</param>
/// <param name="Compared">How many params and metrics were compared.</param>
/// <param name="Differences">Those that differ (empty when reproduced).</param>
/// <param name="Excluded">Keys left out of the comparison, each with the reason.</param>
/// <param name="EnvironmentDifferences">How the environment of the re-run differs from the recorded <c>environment.json</c>.</param>
/// <param name="ReproductionRunId">The run recording this reproduction in the original store (null when it could not be recorded).</param>
/// <param name="Error">Why the reproduction could not be made, for <see cref="ReproductionVerdict.Error"/>.</param>
public sealed record ReproductionReport(
    string RunId,
    ReproductionVerdict Verdict,
    int Compared,
    IReadOnlyList<ValueDifference> Differences,
    IReadOnlyList<string> Excluded,
    IReadOnlyList<string> EnvironmentDifferences,
    string? ReproductionRunId,
    string? Error = null)
{
    /// <summary>The verdict as the tag spells it: <c>reproduced</c>, <c>not_reproduced</c> or <c>error</c>.</summary>
    public static string TagValue(ReproductionVerdict verdict) => verdict switch
    {
        ReproductionVerdict.Reproduced => "reproduced",
        ReproductionVerdict.NotReproduced => "not_reproduced",
        _ => "error",
    };
}
