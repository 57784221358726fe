namespace Pipeline.Tracking.Metadata;

/// <summary>A fixed set of environment variables, e.g. to simulate a CI machine in a test. Names are case-sensitive.</summary>
public sealed class DictionaryEnvironmentVariables(IReadOnlyDictionary<string, string> variables) : IEnvironmentVariables
{
    /// <summary>An environment with no variables set.</summary>
    public DictionaryEnvironmentVariables() : this(new Dictionary<string, string>())
    {
    }

    /// <inheritdoc />
    public string? Get(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
