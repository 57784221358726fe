namespace Pipeline.Stages.Stages.Serve;

/// <summary>How <see cref="LocalServerProcess.Stop"/> ended.</summary>
internal enum LocalServerStop
{
    /// <summary>No server of ours had that process id any more.</summary>
    NotRunning,

    /// <summary>It exited on SIGTERM within the grace period.</summary>
    Stopped,

    /// <summary>It had not exited within the grace period and was killed: whatever it still held is lost.</summary>
    Killed,
}
