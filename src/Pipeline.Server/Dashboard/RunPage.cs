using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// <c>/runs/{id}</c>: a run's attributes, parent and children, params, metrics with a history chart for each logged more
/// than once (the first 24), tags, and its artifacts (<c>?path=</c> opens a folder) with PNG files previewed inline.
/// </summary>
internal static class RunPage
{
    private const int MaxCharts = 24, MaxHistoryLookups = 100;

    public static async Task RenderAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<ITrackingStore>();
        var run = await store.GetRunAsync((string)http.Request.RouteValues["id"]!, http.RequestAborted);
        var experiment = await store.GetExperimentAsync(run.Info.ExperimentId, http.RequestAborted);
        var info = run.Info;
        var html = new HtmlBuilder().Element("h1", info.RunName);
        // A deleted run is still reachable (a model version's link, a bookmark) but no longer listed: say why.
        if (info.LifecycleStage == LifecycleStage.Deleted)
            html.Element("p", "This run is deleted: searches and the runs table leave it out until it is restored.", "class=\"error\" id=\"deleted\"");
        html.Raw("<table id=\"info\"><tbody>");
        html.Raw("<tr><th>Run ID</th><td>").Link($"/runs/{HtmlBuilder.Query(info.RunId)}", info.RunId).Raw("</td></tr>");
        html.Raw("<tr><th>Experiment</th><td>").Link($"/experiments/{HtmlBuilder.Query(experiment.ExperimentId)}", experiment.Name).Raw("</td></tr>");
        Row(html, "Status", info.Status.ToMlflowName());
        Row(html, "Lifecycle stage", info.LifecycleStage.ToMlflowName());
        Row(html, "User", info.UserId);
        Row(html, "Started", HtmlBuilder.Time(info.StartTime));
        Row(html, "Ended", HtmlBuilder.Time(info.EndTime));
        Row(html, "Artifact URI", info.ArtifactUri);
        if (run.Data.Tag(SystemTags.ParentRunId) is { } parent)
            html.Raw("<tr id=\"parent-run\"><th>Parent run</th><td>").Link($"/runs/{HtmlBuilder.Query(parent)}", parent).Raw("</td></tr>");
        html.Raw("</tbody></table>");
        RunEditing.WriteActions(html, run);
        RunEditing.WriteNote(html, run);
        await RegisteredVersions.WriteAsync(html, http, info.RunId);

        var children = await store.SearchRunsAsync(
            new RunQuery([info.ExperimentId], $"tags.`{SystemTags.ParentRunId}` = '{info.RunId}'", MaxResults: 100), http.RequestAborted);
        if (children.Items.Count > 0)
        {
            html.Element("h2", $"Child runs ({children.Items.Count}{(children.NextPageToken is null ? "" : "+")})").Raw("<ul id=\"children\">");
            foreach (var child in children.Items)
                html.Raw("<li>").Link($"/runs/{child.Info.RunId}", child.Info.RunName).Raw("</li>");
            html.Raw("</ul>");
        }

        html.Element("h2", "Parameters");
        KeyValues(html, "params", run.Data.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        html.Element("h2", "Metrics");
        KeyValues(html, "metrics", run.Data.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, HtmlBuilder.Number(m.Value))));
        html.Raw("<div class=\"charts\" id=\"metric-charts\">");
        var charts = 0;
        foreach (var metric in run.Data.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Take(MaxHistoryLookups))
        {
            var history = await store.GetMetricHistoryAsync(info.RunId, metric.Key, http.RequestAborted);
            // A value logged once is in the table above; its "history" would be one dot on made-up axes.
            if (history.Count < 2)
                continue;
            // The history comes in time order (as MLflow returns it); the chart draws against steps.
            html.Raw(LineChartSvg.Render(metric.Key, [(metric.Key, history.OrderBy(h => h.Step).Select(h => ((double)h.Step, h.Value)).ToList())]));
            if (++charts == MaxCharts)
                break;
        }

        html.Raw("</div>");
        html.Element("h2", "Tags");
        var links = await TagLinks.ResolveAsync(store, run, http.RequestAborted);
        TagEditor.Write(html, run.Data.Tags.Where(t => t.Key != SystemTags.NoteContent).Select(t => (t.Key, t.Value)).ToList(),
            "/ajax-api/2.0/mlflow/runs/set-tag", "/ajax-api/2.0/mlflow/runs/delete-tag", [("run_id", info.RunId)], links.Write, "tags");
        if (http.QueryValue("file") is { } file)
            await ArtifactPreview.WriteAsync(html, http, run, file.Trim('/'));
        await RunArtifactsSection.WriteAsync(html, http, run);
        await DashboardResponse.WriteAsync(http, info.RunName, html);
    }

    private static void Row(HtmlBuilder html, string label, string? value) =>
        html.Raw("<tr><th>").Text(label).Raw("</th><td>").Text(value).Raw("</td></tr>");

    private static void KeyValues(HtmlBuilder html, string id, IEnumerable<(string Key, string Value)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Element("p", "None.", "class=\"muted\"");
            return;
        }

        html.Raw($"<table id=\"{id}\"><tbody>");
        foreach (var (key, value) in list)
            Row(html, key, value);
        html.Raw("</tbody></table>");
    }
}
