namespace Pipeline.Stages.Reproduction;

/// <summary>The outcome of a reproduction, also recorded as the <c>pipeline.reproduction.verdict</c> tag.</summary>
public enum ReproductionVerdict
{
    /// <summary>Every compared param and metric equals the original (within the tolerance).</summary>
    Reproduced,

    /// <summary>The stages re-ran, and at least one param or metric differs.</summary>
    NotReproduced,

    /// <summary>The reproduction could not be made: the commit, the diff or the data could not be restored.</summary>
    Error,
}
