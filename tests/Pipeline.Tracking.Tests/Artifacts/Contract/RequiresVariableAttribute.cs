namespace Pipeline.Tracking.Tests.Artifacts.Contract;

/// <summary>
/// Marks a test class whose <see cref="ContractFactAttribute"/> tests need a server named by an environment variable;
/// without it they are reported as skipped with <see cref="SkipMessage"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RequiresVariableAttribute(string variable, string skipMessage) : Attribute
{
    public string Variable { get; } = variable;

    public string SkipMessage { get; } = skipMessage;

    public bool IsSet => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };
}
