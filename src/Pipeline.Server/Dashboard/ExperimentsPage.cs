using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary><c>/</c>: the active experiments, 100 a page (<c>page_token</c> for the next).</summary>
internal static class ExperimentsPage
{
    public static async Task RenderAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<ITrackingStore>();
        var token = http.QueryValue("page_token");
        var page = await store.SearchExperimentsAsync(new ExperimentQuery(MaxResults: 100, PageToken: token, OrderBy: ["name ASC"]), http.RequestAborted);
        var html = new HtmlBuilder().Element("h1", "Experiments");
        html.Raw("<table id=\"experiments\"><thead><tr><th>ID</th><th>Name</th><th>Artifact location</th><th>Created</th><th>Last update</th></tr></thead><tbody>");
        foreach (var e in page.Items)
        {
            html.Raw("<tr><td>").Text(e.ExperimentId).Raw("</td><td>").Link($"/experiments/{HtmlBuilder.Query(e.ExperimentId)}", e.Name)
                .Raw("</td><td class=\"muted\">").Text(e.ArtifactLocation).Raw("</td><td>").Text(HtmlBuilder.Time(e.CreationTime))
                .Raw("</td><td>").Text(HtmlBuilder.Time(e.LastUpdateTime)).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        if (page.Items.Count == 0)
            html.Element("p", "No experiments yet.", "class=\"muted\"");
        Pager.Write(html, "/", token, page.NextPageToken, []);
        await DashboardResponse.WriteAsync(http, "Experiments", html);
    }
}
