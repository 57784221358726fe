using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking.Registry;

namespace Pipeline.Server.Dashboard;

/// <summary><c>/models</c>: registered models (100 a page, by name) with their aliases and live versions, newest first.</summary>
internal static class ModelsPage
{
    private const int MaxVersions = 50;

    public static async Task RenderAsync(HttpContext http)
    {
        var registry = http.RequestServices.GetRequiredService<IModelRegistry>();
        var token = http.QueryValue("page_token");
        var page = await registry.SearchRegisteredModelsAsync(new RegisteredModelQuery(OrderBy: ["name ASC"], PageToken: token), http.RequestAborted);
        var html = new HtmlBuilder().Element("h1", "Registered models");
        if (page.Items.Count == 0)
            html.Element("p", "No registered models yet.", "class=\"muted\"");
        foreach (var model in page.Items)
        {
            html.Raw("<section class=\"model\">").Element("h2", model.Name);
            if (!string.IsNullOrEmpty(model.Description))
                html.Element("p", model.Description);
            if (model.Aliases.Count > 0)
            {
                html.Raw("<p>Aliases: ");
                foreach (var alias in model.Aliases.OrderBy(a => a.Alias, StringComparer.Ordinal))
                    html.Element("code", $"@{alias.Alias} → v{alias.Version}").Raw(" ");
                html.Raw("</p>");
            }

            // Registry filters quote strings in single quotes, a quote inside doubled.
            var versions = await registry.SearchModelVersionsAsync(
                new ModelVersionQuery($"name = '{model.Name.Replace("'", "''", StringComparison.Ordinal)}'", MaxVersions, ["version_number DESC"]), http.RequestAborted);
            html.Raw("<table class=\"versions\"><thead><tr><th>Version</th><th>Aliases</th><th>Stage</th><th>Status</th><th>Created</th><th>Run</th><th>Source</th></tr></thead><tbody>");
            foreach (var v in versions.Items)
            {
                html.Raw("<tr><td>").Text($"v{v.VersionText}").Raw("</td><td>").Text(string.Join(", ", v.Aliases.Select(a => "@" + a)))
                    .Raw("</td><td>").Text(v.CurrentStage).Raw("</td><td>").Text(v.Status.ToMlflowName()).Raw("</td><td>").Text(HtmlBuilder.Time(v.CreationTimestamp)).Raw("</td><td>");
                if (v.RunId is { Length: > 0 } runId)
                    html.Link($"/runs/{HtmlBuilder.Query(runId)}", runId);
                html.Raw("</td><td class=\"muted\">").Text(v.Source).Raw("</td></tr>");
            }

            html.Raw("</tbody></table></section>");
        }

        Pager.Write(html, "/models", token, page.NextPageToken, []);
        await DashboardResponse.WriteAsync(http, "Models", html);
    }
}
