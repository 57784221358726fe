namespace Pipeline.Serving.Schema;

/// <summary>
/// The MLflow column types a scoring signature may declare (MLflow's <c>DataType</c> names:
/// <c>double</c>, <c>float</c>, <c>long</c>, <c>integer</c>, <c>boolean</c>, <c>string</c>).
/// </summary>
public enum ScoringType
{
    /// <summary>64-bit floating point (<c>double</c>, numpy <c>float64</c>).</summary>
    Double,

    /// <summary>32-bit floating point (<c>float</c>, numpy <c>float32</c>).</summary>
    Float,

    /// <summary>64-bit integer (<c>long</c>, numpy <c>int64</c>).</summary>
    Long,

    /// <summary>32-bit integer (<c>integer</c>, numpy <c>int32</c>).</summary>
    Integer,

    /// <summary>Boolean (<c>boolean</c>, numpy <c>bool</c>).</summary>
    Boolean,

    /// <summary>Text (<c>string</c>, numpy <c>object</c>).</summary>
    String,
}
