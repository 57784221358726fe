using System.Globalization;
using Pipeline.Tracking.Analysis;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// Beside the parallel coordinates: the optimization history (each run's metric in trial order, and the best so far)
/// and the parameter importance of the compared runs. Runs are ordered by their <c>pipeline.trial_index</c> tag when
/// they are sweep trials, else by start time; failed, killed and pruned trials (<c>pipeline.trial.state = PRUNED</c>)
/// and runs without the metric are left out of both (a running trial shows its latest value).
/// </summary>
internal static class SweepPlotsSection
{
    private const string TrialIndexTag = "pipeline.trial_index", TrialStateTag = "pipeline.trial.state";

    public static void Write(HtmlBuilder html, IReadOnlyList<Run> runs, string metric, bool maximize)
    {
        var ordered = runs.OrderBy(r => int.TryParse(r.Data.Tag(TrialIndexTag), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .ThenBy(r => r.Info.StartTime).ToList();
        var points = ordered.Select((r, i) => new SweepTrialPoint(i,
            r.Data.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            r.Info.Status is not (RunStatus.Failed or RunStatus.Killed) && r.Data.Tag(TrialStateTag) != "PRUNED" ? r.Data.Metric(metric) : null)).ToList();
        var history = SweepPlotsSvg.History(points, metric, maximize);
        var importance = SweepPlotsSvg.Importance(points, metric);
        if (history is null && importance is null) return;
        html.Element("h2", "Optimization history and parameter importance").Raw("<div class=\"charts\" id=\"sweep-plots\">");
        if (history is not null) html.Raw(history);
        if (importance is not null) html.Raw(importance);
        html.Raw("</div>");
        if (importance is not null)
        {
            html.Element("p", "Importance is permutation importance on a random forest fitted to these runs (params in, metric out): " +
                "the share of the forest's out-of-bag error increase when a param's values are shuffled. Chosen over fANOVA (Optuna's default) " +
                "for its simplicity; with few runs read it as a hint.", "class=\"muted\"");
        }
    }
}
