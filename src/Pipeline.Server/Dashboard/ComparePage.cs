using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// <c>/compare?runs=a,b,c</c> (also repeated <c>runs=</c>, as the runs table's checkboxes send it; at most 100 runs):
/// a side-by-side table of the rows whose values differ (the rest behind a toggle), a parallel-coordinates plot of the
/// params against <c>metric</c> (default: the metric named in the <c>pipeline.selected_by</c> tag of a run or its parent,
/// else the first key), a scatter of that metric against param <c>x</c> (default: the first numeric param that differs),
/// and a chart per metric (the first 8, the chosen metric first): a line per run, or a bar per run on a zoomed axis for
/// a metric each run logged once.
/// </summary>
internal static class ComparePage
{
    private const int MaxRuns = 100, MaxCharts = 8, MaxChartRuns = 20;
    private const string SelectedByTag = "pipeline.selected_by";

    public static async Task RenderAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<ITrackingStore>();
        var ids = http.Request.Query["runs"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
            throw new TrackingException(ErrorCode.InvalidParameterValue, "Choose runs to compare: /compare?runs=<run id>,<run id>.");
        if (ids.Count > MaxRuns)
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"At most {MaxRuns} runs can be compared, got {ids.Count}.");
        var runs = new List<Run>();
        foreach (var id in ids)
            runs.Add(await store.GetRunAsync(id, http.RequestAborted));

        var paramKeys = runs.SelectMany(r => r.Data.Params.Select(p => p.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
        var metricKeys = runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
        var metric = http.QueryValue("metric") ?? await DefaultMetricAsync(store, runs, metricKeys, http.RequestAborted);
        if (metric is not null && !metricKeys.Contains(metric))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"None of the compared runs has metric '{metric}'.");
        // The metric runs are judged by comes first in the table and the charts.
        if (metric is not null && metricKeys.Remove(metric))
            metricKeys.Insert(0, metric);
        var varying = paramKeys.Where(k => runs.Select(r => r.Data.Param(k)).Distinct(StringComparer.Ordinal).Count() > 1).ToList();
        var xParam = http.QueryValue("x") ?? varying.FirstOrDefault(k => runs.All(r => r.Data.Param(k) is null || double.TryParse(r.Data.Param(k), System.Globalization.CultureInfo.InvariantCulture, out _))) ?? varying.FirstOrDefault();
        if (xParam is not null && !paramKeys.Contains(xParam))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"None of the compared runs has param '{xParam}'.");

        var html = new HtmlBuilder().Element("h1", $"Comparing {runs.Count} runs");
        CompareTable.Write(html, runs, paramKeys, metricKeys);
        html.Element("h2", "Parameters against a metric");
        if (metric is null)
        {
            html.Element("p", "The runs have no metrics to plot against.", "class=\"muted\"");
        }
        else
        {
            html.Raw("<form method=\"get\" action=\"/compare\" id=\"metric-choice\"><input type=\"hidden\" name=\"runs\" value=\"")
                .Text(string.Join(',', ids)).Raw("\"><label>Metric (colour and last axis) <select name=\"metric\">");
            foreach (var key in metricKeys)
                html.Raw(key == metric ? "<option selected>" : "<option>").Text(key).Raw("</option>");
            html.Raw("</select></label> ");
            if (xParam is not null)
            {
                html.Raw("<label>Scatter against <select name=\"x\">");
                foreach (var key in paramKeys)
                    html.Raw(key == xParam ? "<option selected>" : "<option>").Text(key).Raw("</option>");
                html.Raw("</select></label> ");
            }

            html.Raw("<button type=\"submit\">Plot</button></form>");
            html.Raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Parallel coordinates\">").Raw(ParallelCoordinatesSvg.Render(runs, paramKeys, metric)).Raw("</div>");
            if (xParam is not null)
                html.Raw(ScatterSvg.Render(runs, xParam, metric));
            SweepPlotsSection.Write(html, runs, metric, await DirectionAsync(store, runs, metric, http.RequestAborted));
        }

        html.Element("h2", "Metric charts").Raw("<div class=\"charts\">");
        var charted = runs.Take(MaxChartRuns).ToList();
        foreach (var key in metricKeys.Take(MaxCharts))
        {
            var series = new List<(string Name, IReadOnlyList<(double, double)> Points)>();
            foreach (var run in charted.Where(r => r.Data.Metric(key) is not null))
            {
                var history = await store.GetMetricHistoryAsync(run.Info.RunId, key, http.RequestAborted);
                // The history comes in time order (as MLflow returns it); the chart draws against steps.
                series.Add((run.Info.RunName, history.OrderBy(h => h.Step).Select(h => ((double)h.Step, h.Value)).ToList()));
            }

            // Logged once per run (a sweep's scores), a history would be a column of dots on one step: bars compare them.
            html.Raw(series.All(s => s.Points.Count <= 1)
                ? BarChartSvg.Render(key, charted.Select(r => (r.Info.RunName, r.Data.Metric(key))).ToList())
                : LineChartSvg.Render(key, series));
        }

        html.Raw("</div>");
        await DashboardResponse.WriteAsync(http, "Compare runs", html);
    }

    /// <summary>True (maximize) unless the sweep's parent selected by this metric with "minimize", or the name says loss or error.</summary>
    private static async Task<bool> DirectionAsync(ITrackingStore store, List<Run> runs, string metric, CancellationToken ct)
    {
        foreach (var parentId in runs.Select(r => r.Data.Tag(SystemTags.ParentRunId)).OfType<string>().Distinct(StringComparer.Ordinal).Take(3))
        {
            try
            {
                if ((await store.GetRunAsync(parentId, ct)).Data.Tag(SelectedByTag) is { } selectedBy && selectedBy.StartsWith(metric + " ", StringComparison.Ordinal))
                    return !selectedBy.Contains("minimize", StringComparison.Ordinal);
            }
            catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
            {
                // A dangling parent tag only loses the hint.
            }
        }

        return !(metric.Contains("loss", StringComparison.Ordinal) || metric.Contains("error", StringComparison.Ordinal));
    }

    private static async Task<string?> DefaultMetricAsync(ITrackingStore store, List<Run> runs, List<string> metricKeys, CancellationToken ct)
    {
        // A sweep's parent records what it selected by, e.g. "roc_auc (maximize)"; prefer that metric when the runs have it.
        var tagged = new List<Run>(runs);
        foreach (var parentId in runs.Select(r => r.Data.Tag(SystemTags.ParentRunId)).OfType<string>().Distinct(StringComparer.Ordinal).Take(3))
        {
            try
            {
                tagged.Add(await store.GetRunAsync(parentId, ct));
            }
            catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
            {
                // A dangling parent tag only loses the hint.
            }
        }

        foreach (var selectedBy in tagged.Select(r => r.Data.Tag(SelectedByTag)).OfType<string>())
        {
            var key = selectedBy.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (key is not null && metricKeys.Contains(key))
                return key;
        }

        return metricKeys.FirstOrDefault();
    }
}
