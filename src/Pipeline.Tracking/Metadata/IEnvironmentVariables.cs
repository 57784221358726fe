namespace Pipeline.Tracking.Metadata;

/// <summary>
/// Read access to environment variables. Metadata code reads the environment only through this, so tests can
/// simulate a CI machine with <see cref="DictionaryEnvironmentVariables"/>.
/// </summary>
public interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);
}
