namespace Pipeline.Tracking.Metadata;

/// <summary>Resolves the user recorded as <c>mlflow.user</c>.</summary>
public static class UserNames
{
    /// <summary>
    /// The first of <c>LOGNAME</c>, <c>USER</c>, <c>LNAME</c>, <c>USERNAME</c> that is set (the order Python's
    /// <c>getpass.getuser</c>, which MLflow uses, checks), else the operating system's user name, else <c>unknown</c>.
    /// </summary>
    public static string Current(IEnvironmentVariables env)
    {
        ArgumentNullException.ThrowIfNull(env);
        foreach (var name in (ReadOnlySpan<string>)["LOGNAME", "USER", "LNAME", "USERNAME"])
        {
            if (env.Get(name) is { Length: > 0 } value)
            {
                return value;
            }
        }

        try
        {
            return string.IsNullOrEmpty(Environment.UserName) ? "unknown" : Environment.UserName;
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }
}
