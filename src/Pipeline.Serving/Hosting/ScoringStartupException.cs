namespace Pipeline.Serving.Hosting;

/// <summary>The server cannot start: bad options or a model that failed to load. The message says which and why.</summary>
public sealed class ScoringStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScoringStartupException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
