using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Server.Artifacts;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>The run page's artifact listing: one folder (<c>?path=</c>), folders as links, PNG files previewed.</summary>
internal static class RunArtifactsSection
{
    private const int MaxPreviews = 12;

    public static async Task WriteAsync(HtmlBuilder html, HttpContext http, Run run)
    {
        var folder = http.QueryValue("path")?.Trim('/') ?? "";
        var runPath = $"/runs/{run.Info.RunId}";
        html.Raw("<h2 id=\"artifacts\">Artifacts").Raw(folder.Length > 0 ? ": " : "").Text(folder).Raw("</h2>");
        IReadOnlyList<Tracking.Artifacts.ArtifactEntry> entries;
        string prefix;
        try
        {
            var (repository, repositoryPrefix) = http.RequestServices.GetRequiredService<ServerArtifacts>().Resolve(run.Info.ArtifactUri);
            prefix = repositoryPrefix;
            entries = await repository.ListAsync(ArtifactListEndpoints.Join(prefix, folder), http.RequestAborted);
        }
        catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A run whose artifacts are out of reach still shows everything else.
            html.Element("p", $"The artifacts cannot be listed: {e.Message}", "class=\"error\"");
            return;
        }

        if (folder.Length > 0)
        {
            var up = folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";
            html.Raw("<p>").Link(up.Length == 0 ? $"{runPath}#artifacts" : $"{runPath}?path={HtmlBuilder.Query(up)}#artifacts", "↑ up").Raw("</p>");
        }

        if (entries.Count == 0)
        {
            html.Element("p", "No artifacts.", "class=\"muted\"");
            return;
        }

        var previews = 0;
        html.Raw("<table id=\"artifact-list\"><tbody>");
        foreach (var entry in entries)
        {
            var relative = prefix.Length == 0 ? entry.Path : entry.Path[(prefix.Length + 1)..];
            var name = relative.Contains('/') ? relative[(relative.LastIndexOf('/') + 1)..] : relative;
            html.Raw("<tr><td>");
            if (entry.IsDir)
            {
                html.Link($"{runPath}?path={HtmlBuilder.Query(relative)}#artifacts", name + "/").Raw("</td><td></td></tr>");
                continue;
            }

            var href = $"{runPath}/artifact?path={HtmlBuilder.Query(relative)}";
            // The name opens the preview on this page (text, JSON, CSV, MLmodel); "raw" is the file itself.
            var view = folder.Length == 0 ? $"{runPath}?file={HtmlBuilder.Query(relative)}#preview" : $"{runPath}?path={HtmlBuilder.Query(folder)}&file={HtmlBuilder.Query(relative)}#preview";
            html.Link(view, name).Raw(" <span class=\"muted\">(").Link(href, "raw", $"aria-label=\"raw file {HtmlBuilder.Attr(name)}\"").Raw(")</span>");
            if (relative.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && previews++ < MaxPreviews)
                html.Raw("<img class=\"preview\" loading=\"lazy\" src=\"").Text(href).Raw("\" alt=\"").Text(name).Raw("\">");
            html.Raw("</td><td class=\"num\">").Text(entry.FileSize is { } size ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{size:N0} B") : "").Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
