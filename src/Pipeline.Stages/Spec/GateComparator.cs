namespace Pipeline.Stages.Spec;

/// <summary>The comparison in a gate expression.</summary>
public enum GateComparator
{
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>==</c> (exact equality of doubles; meant for counts such as <c>false_negatives == 0</c>).</summary>
    Equal,
}
