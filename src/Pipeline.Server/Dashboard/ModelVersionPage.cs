using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// <c>/models/{name}/versions/{version}</c>: one model version with its lineage — the source run, the evaluation run
/// that scored it (tag <c>pipeline.evaluated_run_id</c>) with its metrics, the signature from its <c>MLmodel</c>, the
/// serving image when the pipeline run served this version — and its aliases, tags, description and stage. Aliases,
/// tags and the description are edited through the registry's REST API (<see cref="EditForm"/>).
/// </summary>
internal static class ModelVersionPage
{
    private const string EvaluatedRunTag = "pipeline.evaluated_run_id";

    public static async Task RenderAsync(HttpContext http)
    {
        var registry = http.RequestServices.GetRequiredService<IModelRegistry>();
        var store = http.RequestServices.GetRequiredService<ITrackingStore>();
        var name = (string)http.Request.RouteValues["name"]!;
        if (!long.TryParse((string)http.Request.RouteValues["version"]!, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw new TrackingException(ErrorCode.InvalidParameterValue, "A model version is a whole number, e.g. /models/my-model/versions/1.");
        var version = await registry.GetModelVersionAsync(name, number, http.RequestAborted);
        var model = await registry.GetRegisteredModelAsync(name, http.RequestAborted);

        var html = new HtmlBuilder().Raw("<p class=\"muted\">").Link("/models", "Models").Raw(" › ").Text(name).Raw("</p>")
            .Element("h1", $"{name} v{version.VersionText}");
        html.Raw("<table id=\"version-info\"><tbody>");
        Row(html, "Status", version.Status.ToMlflowName());
        Row(html, "Stage", version.CurrentStage);
        Row(html, "Registered", HtmlBuilder.Time(version.CreationTimestamp));
        Row(html, "Last updated", HtmlBuilder.Time(version.LastUpdatedTimestamp));
        Row(html, "Registered by", version.UserId);
        Row(html, "Source", version.Source);
        Run? source = null;
        if (version.RunId is { Length: > 0 } runId)
        {
            source = await TryGetRunAsync(store, runId, http.RequestAborted);
            html.Raw("<tr><th>Source run</th><td>").Link($"/runs/{HtmlBuilder.Query(runId)}", source?.Info.RunName ?? runId).Raw(" <code>").Link($"/runs/{HtmlBuilder.Query(runId)}", runId).Raw("</code></td></tr>");
        }

        html.Raw("</tbody></table>");
        html.Element("h2", "Description").Element("p", string.IsNullOrEmpty(version.Description) ? "No description." : version.Description, string.IsNullOrEmpty(version.Description) ? "class=\"muted\"" : "");
        EditForm.Open(html, "/ajax-api/2.0/mlflow/model-versions/update", "PATCH", "Edit the description", ("name", name), ("version", version.VersionText))
            .Raw($"<textarea name=\"description\" rows=\"2\" cols=\"60\" aria-label=\"Description\">{HtmlBuilder.Attr(version.Description)}</textarea>");
        EditForm.Close(html, "Save description");

        html.Element("h2", "Aliases").Raw("<ul id=\"aliases\">");
        foreach (var alias in version.Aliases.Order(StringComparer.Ordinal))
        {
            html.Raw("<li><code>").Text($"@{alias}").Raw("</code> ");
            EditForm.Open(html, "/ajax-api/2.0/mlflow/registered-models/alias", "DELETE", $"Remove alias {alias}", ("name", name), ("alias", alias));
            EditForm.Close(html, "Remove");
            html.Raw("</li>");
        }

        html.Raw(version.Aliases.Count == 0 ? "<li class=\"muted\">None.</li></ul>" : "</ul>");
        EditForm.Open(html, "/ajax-api/2.0/mlflow/registered-models/alias", "POST", "Set an alias on this version", ("name", name), ("version", version.VersionText))
            .Raw("<label>Alias <input type=\"text\" name=\"alias\" id=\"new-alias\" required pattern=\"[A-Za-z0-9_\\-]+\" size=\"16\"></label>");
        EditForm.Close(html, "Set alias", "set-alias");
        var elsewhere = model.Aliases.Where(a => a.Version != version.Version).ToList();
        if (elsewhere.Count > 0)
            html.Element("p", "Other aliases of the model: " + string.Join(", ", elsewhere.Select(a => $"@{a.Alias} → v{a.Version}")) + " (setting one here moves it).", "class=\"muted\"");

        html.Element("h2", "Tags");
        // Tag values that name runs (pipeline.evaluation_run_id, ...) or model versions are links, as on the run page.
        var links = await TagLinks.ResolveAsync(store, version.Tags.Select(t => t.Value), http.RequestAborted);
        TagEditor.Write(html, version.Tags.Select(t => (t.Key, t.Value)).ToList(), "/ajax-api/2.0/mlflow/model-versions/set-tag", "/ajax-api/2.0/mlflow/model-versions/delete-tag",
            [("name", name), ("version", version.VersionText)], links.Write);

        await LineageSection.WriteAsync(html, http, store, version, source, EvaluatedRunTag);
        await DashboardResponse.WriteAsync(http, $"{name} v{version.VersionText}", html);
    }

    internal static async Task<Run?> TryGetRunAsync(ITrackingStore store, string runId, CancellationToken ct)
    {
        try
        {
            return await store.GetRunAsync(runId, ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    private static void Row(HtmlBuilder html, string label, string? value) =>
        html.Raw("<tr><th>").Text(label).Raw("</th><td>").Text(value).Raw("</td></tr>");
}
