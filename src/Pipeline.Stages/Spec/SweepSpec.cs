namespace Pipeline.Stages.Spec;

/// <summary>The <c>sweep</c> section: the search space and how it is walked.</summary>
/// <param name="Strategy"><c>strategy</c> (<c>grid</c> | <c>random</c> | <c>tpe</c>, default <c>grid</c>).</param>
/// <param name="Trials">
/// <c>trials</c> (integer &gt;= 1): the number of trials; default 20 with <c>random</c>, required with <c>tpe</c>, not allowed with <c>grid</c>.
/// For <c>grid</c> it holds the number of grid configurations.
/// </param>
/// <param name="Seed"><c>seed</c> (integer, default 42): the seed of random draws and of the CV folds.</param>
/// <param name="CvFolds"><c>cv_folds</c> (integer &gt;= 2, default 5): cross-validation folds per trial.</param>
/// <param name="Parallelism"><c>parallelism</c> (integer &gt;= 1, default 1): trials trained at once.</param>
/// <param name="SearchSpace">
/// <c>search_space</c> (non-empty list, required): one entry per trainer, in file order.
/// </param>
public sealed record SweepSpec(
    SweepStrategy Strategy,
    int Trials,
    int Seed,
    int CvFolds,
    int Parallelism,
    IReadOnlyList<SearchSpaceEntry> SearchSpace)
{
    /// <summary><c>tpe</c> (mapping, only with strategy <c>tpe</c>): <c>n_startup_trials</c> and <c>n_ei_candidates</c>; null = Optuna's defaults.</summary>
    public Stages.Sweep.Sampling.TpeOptions? Tpe { get; init; }

    /// <summary><c>pruner</c> (a name or a mapping with <c>type</c>): stops unpromising trials between folds; null = none.</summary>
    public PrunerSpec? Pruner { get; init; }

    /// <summary><c>stop_when</c> (e.g. <c>roc_auc &gt;= 0.99</c>): no new trial starts once a complete trial meets it.</summary>
    public GateSpec? StopWhen { get; init; }

    /// <summary><c>timeout</c> (seconds, or a duration such as <c>90s</c>, <c>10m</c>, <c>1h</c>): no new trial starts after it.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The default <c>trials</c> for <c>random</c>, 20.</summary>
    public const int DefaultTrials = 20;

    /// <summary>The default <c>seed</c>, 42.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The default <c>cv_folds</c>, 5.</summary>
    public const int DefaultCvFolds = 5;

    /// <summary>The default <c>parallelism</c>, 1.</summary>
    public const int DefaultParallelism = 1;

    /// <summary>The default <c>max_retries</c>, 1.</summary>
    public const int DefaultMaxRetries = 1;

    /// <summary>The default <c>heartbeat_interval</c>, 10 seconds.</summary>
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(10);

    /// <summary>The default <c>heartbeat_timeout</c>, 60 seconds.</summary>
    public static readonly TimeSpan DefaultHeartbeatTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>max_retries</c> (integer 0-100, default 1): how many times a trial of a shared sweep whose worker stopped
    /// heartbeating (killed, machine lost) is queued again before it is FAILED for good (Optuna's <c>RetryFailedTrialCallback</c>).
    /// </summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary><c>heartbeat_interval</c> (seconds, default 10): how often a worker renews the heartbeat of the trials it runs.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = DefaultHeartbeatInterval;

    /// <summary>
    /// <c>heartbeat_timeout</c> (seconds, more than twice the interval, default 60): a trial whose heartbeat is older is taken
    /// back from its worker, its child run ended FAILED, and queued again while it has retries.
    /// </summary>
    public TimeSpan HeartbeatTimeout { get; init; } = DefaultHeartbeatTimeout;
}
