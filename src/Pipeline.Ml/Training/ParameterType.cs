namespace Pipeline.Ml.Training;

/// <summary>The value type of a trainer parameter.</summary>
public enum ParameterType
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Real,
}
