namespace Pipeline.Stages.Running;

/// <summary>Process exit codes shared by every front end, so CI can tell a failed gate from a broken build.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An error: bad input, a failed stage, an unreachable store.</summary>
    public const int Error = 1;

    /// <summary>The command line itself was invalid.</summary>
    public const int Usage = 2;

    /// <summary>Everything ran, but a declared quality gate was not met.</summary>
    public const int GateFailed = 3;

    /// <summary><c>pipeline reproduce</c>: the stages re-ran, and a param or metric differs from the original run.</summary>
    public const int NotReproduced = 4;
}
