namespace Pipeline.Stages.Monitoring;

/// <summary>What <c>pipeline monitor drift</c> was asked to do.</summary>
/// <param name="Model">A model directory, <c>models:/NAME@ALIAS</c> or <c>models:/NAME/VERSION</c>.</param>
/// <param name="Log">A prediction-log folder, or <c>tracking</c> for the inference runs in the tracking store.</param>
/// <param name="Window">The rows' time window.</param>
/// <param name="FailOn">The <c>--fail-on</c> conditions.</param>
/// <param name="ReportDirectory">Where <c>drift_report.html</c> and <c>drift_report.md</c> are written.</param>
/// <param name="LogExperiment">With <c>tracking</c>: the experiment of the inference runs. Default <c>inference</c>.</param>
/// <param name="MonitoringExperiment">The experiment of the monitoring run. Default <c>monitoring</c>.</param>
public sealed record DriftCheck(
    string Model, string Log, LogWindow Window, IReadOnlyList<DriftCondition> FailOn, string ReportDirectory,
    string LogExperiment = "inference", string MonitoringExperiment = "monitoring")
{
    /// <summary>The <see cref="Log"/> value that reads the tracking store.</summary>
    public const string TrackingLog = "tracking";

    /// <summary>True when the log is in the tracking store.</summary>
    public bool LogInTracking => string.Equals(Log.Trim(), TrackingLog, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the model or the log can only be read through the tracking store.</summary>
    public bool NeedsStore => LogInTracking || ProfiledModelLocator.NeedsStore(Model);
}
