namespace Pipeline.Docker.Registry;

/// <summary>Registry credentials could not be read: a broken config file, a failing credential helper, half a pair of variables.
/// The message never holds a secret.</summary>
public sealed class RegistryCredentialsException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public RegistryCredentialsException(string message) : base(message) { }

    /// <summary>Creates the exception with its message and cause.</summary>
    public RegistryCredentialsException(string message, Exception inner) : base(message, inner) { }
}
