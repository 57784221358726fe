using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Runs;

/// <summary>How <see cref="TrackingClient"/> finds what it records on each run. Every property has a default.</summary>
public sealed class TrackingClientOptions
{
    /// <summary>Where environment variables (user, CI) are read. Default: the process's.</summary>
    public IEnvironmentVariables Environment { get; init; } = new ProcessEnvironmentVariables();

    /// <summary>The folder whose git repository is recorded (parents are searched). Default: the current directory.</summary>
    public string? RepositoryPath { get; init; }

    /// <summary>The remote whose URL is recorded. Default: <c>origin</c> (the first remote when there is no <c>origin</c>).</summary>
    public string RemoteName { get; init; } = GitInspector.DefaultRemoteName;

    /// <summary>The <c>mlflow.source.name</c> value. Default: the entry assembly's file (MLflow records the main script), else the command.</summary>
    public string? SourceName { get; init; }

    /// <summary>The <c>mlflow.source.type</c> value (see <see cref="SourceTypes"/>). Default: <c>JOB</c> under CI, <c>LOCAL</c> otherwise.</summary>
    public string? SourceType { get; init; }

    /// <summary>The <c>mlflow.user</c> value. Default: <see cref="UserNames.Current"/> of <see cref="Environment"/>.</summary>
    public string? User { get; init; }

    /// <summary>When set, every run started is tracked by this guard until it ends, so Ctrl+C or SIGTERM ends it. Default: none.</summary>
    public RunInterruptGuard? InterruptGuard { get; init; }

    /// <summary>
    /// When set, every run started carries <see cref="Liveness.LivenessTags.Owner"/> and a heartbeat renewed by this timer
    /// until it ends, so a later process can tell a run whose owner died (kill -9) from one still working. Default: none.
    /// </summary>
    public Liveness.RunHeartbeat? Heartbeat { get; init; }

    /// <summary>Whether to log the <c>environment.json</c> artifact on each run. Default: true.</summary>
    public bool LogEnvironmentArtifact { get; init; } = true;
}
