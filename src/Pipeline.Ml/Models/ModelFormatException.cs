namespace Pipeline.Ml.Models;

/// <summary>
/// Thrown when an MLmodel file, a signature JSON string, a manifest or an input example is malformed
/// or does not fit MLflow's model format. The message names the file, key or position at fault.
/// </summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception with a message naming what is wrong.</summary>
    public ModelFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying parser error.</summary>
    public ModelFormatException(string message, Exception inner) : base(message, inner) { }
}
