namespace Pipeline.Stages.Monitoring;

/// <summary>One <c>--fail-on</c> condition and the figures that met it (none: it passed).</summary>
public sealed record DriftVerdict(DriftCondition Condition, IReadOnlyList<string> Violations)
{
    /// <summary>True when no figure met the condition.</summary>
    public bool Passed => Violations.Count == 0;

    /// <summary><c>passed: psi &gt; 0.2</c> or <c>failed: psi &gt; 0.2 (psi.mean_area = 3.41 &gt; 0.2)</c>.</summary>
    public override string ToString() => Passed ? $"passed: {Condition}" : $"failed: {Condition} ({string.Join("; ", Violations)})";
}
