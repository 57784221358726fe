using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Server.Dashboard;

/// <summary>The run page's list of model versions registered from the run, each a link to its version page.</summary>
internal static class RegisteredVersions
{
    public static async Task WriteAsync(HtmlBuilder html, HttpContext http, string runId)
    {
        var registry = http.RequestServices.GetRequiredService<IModelRegistry>();
        PagedList<ModelVersion> versions;
        try
        {
            versions = await registry.SearchModelVersionsAsync(new ModelVersionQuery($"run_id = '{runId}'", 20), http.RequestAborted);
        }
        catch (TrackingException)
        {
            return;
        }

        if (versions.Items.Count == 0)
            return;
        html.Raw("<p id=\"registered\">Registered as ");
        foreach (var v in versions.Items)
            html.Link($"/models/{HtmlBuilder.Query(v.Name)}/versions/{v.VersionText}", $"{v.Name} v{v.VersionText}").Raw(v.Aliases.Count > 0 ? $" ({HtmlBuilder.Attr(string.Join(", ", v.Aliases.Select(a => "@" + a)))}) " : " ");
        html.Raw("</p>");
    }
}
