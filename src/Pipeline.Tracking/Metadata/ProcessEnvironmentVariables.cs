namespace Pipeline.Tracking.Metadata;

/// <summary>The current process's environment variables.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    /// <inheritdoc />
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
