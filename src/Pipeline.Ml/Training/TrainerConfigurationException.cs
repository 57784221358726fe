namespace Pipeline.Ml.Training;

/// <summary>
/// An unknown trainer, an unknown parameter or a bad parameter value. <see cref="Parameter"/> names the
/// parameter when one is at fault, so a YAML validator can point at its line.
/// </summary>
public sealed class TrainerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainerConfigurationException(string message, string trainer, string? parameter = null)
        : base(message)
    {
        Trainer = trainer;
        Parameter = parameter;
    }

    /// <summary>The trainer name as given.</summary>
    public string Trainer { get; }

    /// <summary>The parameter at fault, if any.</summary>
    public string? Parameter { get; }
}
