namespace Pipeline.Ml.Training;

/// <summary>The value type of a trainer parameter, as the trainer catalog declares it and the pipeline file's validator checks it.</summary>
public enum ParameterType
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number; integer literals are accepted.</summary>
    Real,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One of a declared list of strings.</summary>
    Choice,
}
