namespace Pipeline.Stages.Spec;

/// <summary>The type of a trainer parameter.</summary>
public enum ParameterType
{
    /// <summary>A real number; integer literals are accepted.</summary>
    Double,

    /// <summary>A whole number.</summary>
    Int,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>One of <see cref="ParameterDescriptor.Choices"/>.</summary>
    Choice,
}
