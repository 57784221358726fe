namespace Pipeline.MSBuild.Tests.Infrastructure;

/// <summary>How a <c>dotnet</c> command ended and everything it printed (stdout and stderr interleaved).</summary>
internal sealed record DotNetResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s:{Environment.NewLine}{Output}";
}
