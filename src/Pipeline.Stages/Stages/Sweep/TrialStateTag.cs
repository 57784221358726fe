using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// The tag <c>pipeline.trial.state</c> on every trial run: Optuna's state names (<c>COMPLETE</c>, <c>PRUNED</c>,
/// <c>FAIL</c>), as Optuna's MLflow callback records them, since MLflow's run status has no "pruned". A pruned
/// trial's run ends FINISHED with this tag set to PRUNED and is never selected.
/// </summary>
public static class TrialStateTag
{
    /// <summary>The tag key.</summary>
    public const string Key = "pipeline.trial.state";

    /// <summary>The value of a pruned trial.</summary>
    public const string Pruned = "PRUNED";

    /// <summary>The tag value of a state.</summary>
    public static string ValueOf(TrialState state) => state switch
    {
        TrialState.Complete => "COMPLETE",
        TrialState.Pruned => Pruned,
        TrialState.Failed => "FAIL",
        _ => "RUNNING",
    };
}
