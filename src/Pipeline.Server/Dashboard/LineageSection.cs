using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Server.Artifacts;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The model version page's lineage: the evaluation that scored the source run (its metrics), the signature read
/// from the version's <c>MLmodel</c>, and how the pipeline run served it (URL, image, image id, smoke verdict).
/// </summary>
internal static class LineageSection
{
    private const int MaxMetrics = 40;

    public static async Task WriteAsync(HtmlBuilder html, HttpContext http, ITrackingStore store, ModelVersion version, Run? source, string evaluatedRunTag)
    {
        html.Element("h2", "Evaluation");
        Run? evaluation = null;
        if (source is not null)
        {
            var found = await store.SearchRunsAsync(new RunQuery([source.Info.ExperimentId], $"tags.`{evaluatedRunTag}` = '{source.Info.RunId}'",
                MaxResults: 1, OrderBy: ["attributes.start_time DESC"]), http.RequestAborted);
            evaluation = found.Items.FirstOrDefault();
        }

        if (evaluation is null)
        {
            html.Element("p", "No evaluation run names this version's source run.", "class=\"muted\"");
        }
        else
        {
            html.Raw("<p>").Link($"/runs/{evaluation.Info.RunId}", evaluation.Info.RunName).Raw(evaluation.Data.Tag("pipeline.gates") is { } gates ? $" — gates {HtmlBuilder.Attr(gates)}" : "").Raw("</p>");
            html.Raw("<table id=\"evaluation-metrics\"><tbody>");
            foreach (var metric in evaluation.Data.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Take(MaxMetrics))
                html.Raw("<tr><th scope=\"row\">").Text(metric.Key).Raw("</th><td class=\"num\">").Text(HtmlBuilder.Number(metric.Value)).Raw("</td></tr>");
            html.Raw("</tbody></table>");
        }

        html.Element("h2", "Signature");
        if (await ReadModelFileAsync(http, store, version, source) is { } yaml)
            MlModelView.Write(html, yaml);
        else
            html.Element("p", "The version's MLmodel file cannot be read from its source.", "class=\"muted\"");

        html.Element("h2", "Serving");
        var pipelineRun = source?.Data.Tag(SystemTags.ParentRunId) is { } parentId ? await ModelVersionPage.TryGetRunAsync(store, parentId, http.RequestAborted) : null;
        var served = pipelineRun?.Data.Tag("pipeline.serve.model_uri");
        if (pipelineRun is null || served != $"models:/{version.Name}/{version.VersionText}")
        {
            html.Element("p", "Not served by its pipeline run.", "class=\"muted\"");
            return;
        }

        html.Raw("<table id=\"serving\"><tbody>");
        foreach (var (label, key) in new[] { ("URL", "pipeline.serve.url"), ("Mode", "pipeline.serve.mode"), ("State", "pipeline.serve.state"),
                     ("Image", "pipeline.serve.image"), ("Image id", "pipeline.serve.image_id"), ("Smoke test", "pipeline.smoke") })
        {
            if (pipelineRun.Data.Tag(key) is { Length: > 0 } value)
                html.Raw("<tr><th scope=\"row\">").Text(label).Raw("</th><td>").Text(value).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static async Task<string?> ReadModelFileAsync(HttpContext http, ITrackingStore store, ModelVersion version, Run? source)
    {
        // The source is the model directory's location; a runs:/ URI is resolved through the run's artifact root.
        var location = version.Source;
        if (location is not null && location.StartsWith("runs:/", StringComparison.Ordinal) && source is not null)
        {
            var rest = location["runs:/".Length..];
            var slash = rest.IndexOf('/');
            location = slash < 0 ? source.Info.ArtifactUri : $"{source.Info.ArtifactUri.TrimEnd('/')}/{rest[(slash + 1)..]}";
        }

        if (string.IsNullOrEmpty(location))
            return null;
        try
        {
            var (repository, prefix) = http.RequestServices.GetRequiredService<ServerArtifacts>().Resolve(location);
            await using var stream = await repository.OpenReadAsync(ArtifactListEndpoints.Join(prefix, "MLmodel"), http.RequestAborted);
            using var reader = new StreamReader(stream);
            var buffer = new char[MlModelView.MaxBytes];
            var read = await reader.ReadBlockAsync(buffer, http.RequestAborted);
            return new string(buffer, 0, read);
        }
        catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
