namespace Pipeline.Docker;

/// <summary>
/// A Docker operation failed: an image build step, a container that exited or never became healthy.
/// The message names the step and carries the tail of the build log or the container's logs.
/// </summary>
public sealed class DockerOperationException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public DockerOperationException(string message) : base(message) { }

    /// <summary>Creates the exception with its message and cause.</summary>
    public DockerOperationException(string message, Exception inner) : base(message, inner) { }
}
