namespace Pipeline.Stages.Spec;

/// <summary>What a YAML scalar in a search space was read as.</summary>
public enum ParameterValueKind
{
    /// <summary>A whole number written without a decimal point or exponent (<c>100</c>).</summary>
    Integer,

    /// <summary>A finite real number (<c>0.1</c>, <c>1e-3</c>).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Any other text, including quoted scalars.</summary>
    String,
}
