namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>The TPE sampler's settings, with Optuna's defaults.</summary>
/// <param name="StartupTrials"><c>n_startup_trials</c> (default 10): finished trials drawn at random before TPE starts.</param>
/// <param name="EiCandidates"><c>n_ei_candidates</c> (default 24): draws from l(x) scored by l(x)/g(x) per parameter.</param>
/// <param name="PriorWeight">The weight of the prior kernel (default 1).</param>
public sealed record TpeOptions(int StartupTrials = TpeOptions.DefaultStartupTrials, int EiCandidates = TpeOptions.DefaultEiCandidates, double PriorWeight = 1.0)
{
    /// <summary>Optuna's default <c>n_startup_trials</c>, 10.</summary>
    public const int DefaultStartupTrials = 10;

    /// <summary>Optuna's default <c>n_ei_candidates</c>, 24.</summary>
    public const int DefaultEiCandidates = 24;

    /// <summary>The number of "good" trials out of <paramref name="n"/> finished ones: min(ceil(0.1 n), 25).</summary>
    public static int Gamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);
}
