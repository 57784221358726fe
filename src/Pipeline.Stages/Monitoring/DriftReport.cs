using Pipeline.Ml.Drift;

namespace Pipeline.Stages.Monitoring;

/// <summary>Everything a drift report shows: the model, what was read from the log, the analysis and the verdicts.</summary>
/// <param name="Model">The profiled model.</param>
/// <param name="LogSource">The log as the user named it (a folder, or <c>tracking (experiment inference)</c>).</param>
/// <param name="Window">The time window read.</param>
/// <param name="Rows">What was read.</param>
/// <param name="Analysis">The comparison.</param>
/// <param name="Verdicts">One per <c>--fail-on</c> condition.</param>
/// <param name="GeneratedAt">When the report was made.</param>
public sealed record DriftReport(
    ProfiledModel Model, string LogSource, LogWindow Window, LoggedRows Rows, DriftAnalysis Analysis,
    IReadOnlyList<DriftVerdict> Verdicts, DateTimeOffset GeneratedAt)
{
    /// <summary>PSI above this is drawn and listed as drift (the usual "significant shift" reading).</summary>
    public const double PsiAlert = 0.2;

    /// <summary>PSI above this (and up to <see cref="PsiAlert"/>) is a moderate shift.</summary>
    public const double PsiWarning = 0.1;

    /// <summary>True when every verdict passed (also when there are none).</summary>
    public bool Passed => Verdicts.All(v => v.Passed);

    /// <summary>The features with PSI above <see cref="PsiAlert"/>, largest first.</summary>
    public IReadOnlyList<FeatureDrift> Drifted => Analysis.Features.Where(f => f.Psi > PsiAlert).OrderByDescending(f => f.Psi).ToArray();

    /// <summary>Sentences about rows left out, for the report's notes.</summary>
    public IEnumerable<string> Notes()
    {
        if (Rows.HashedOnly > 0)
            yield return $"{Rows.HashedOnly} answered rows were logged with --log-inputs hash: only a hash of their inputs is known, so they are not compared.";
        if (Rows.Shadow > 0)
            yield return $"{Rows.Shadow} shadow-challenger rows were skipped (the champion's row carries the same inputs).";
        if (Rows.OtherModels > 0)
            yield return $"{Rows.OtherModels} rows of other registered models were skipped.";
        if (Rows.Refused > 0)
            yield return $"{Rows.Refused} refused requests carry no rows.";
        if (Rows.Malformed > 0)
            yield return $"{Rows.Malformed} lines were not log records (e.g. a half-written last line after a kill -9) and were skipped.";
        var withPredictions = Rows.Sample.Predictions.Count(p => !double.IsNaN(p));
        if (Analysis.Predictions is null)
            yield return Model.Profile.Predictions is null
                ? "The profile holds no training predictions: no prediction shift."
                : $"No logged prediction of {(Model.Version is null ? "this model" : $"version {Model.Version}")}: no prediction shift.";
        else if (withPredictions < Rows.Sample.Rows)
            yield return $"The prediction shift counts the {withPredictions} rows answered by {(Model.Version is null ? "this model" : $"version {Model.Version}")}.";
        yield return $"With {Analysis.Rows} live rows against {Analysis.TrainingRows} training rows, PSI from sampling alone is about " +
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Analysis.PsiNoiseFloor:0.###} (bins merged for small windows so it stays under {Ml.Drift.PopulationStability.TargetNoiseFloor}); " +
            $"KS above {Ml.Drift.KolmogorovSmirnov.CriticalValue(Analysis.Rows, Analysis.TrainingRows):0.###} is significant at the 5% level.");
    }
}
