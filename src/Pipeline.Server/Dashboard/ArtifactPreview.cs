using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Server.Artifacts;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The run page's preview of one artifact file (<c>?file=</c>): images inline, JSON indented, CSV as a table (the first
/// rows), YAML and text as text, <c>MLmodel</c> as YAML with its signature as a table. Only the first 256 KiB are read.
/// </summary>
internal static class ArtifactPreview
{
    private const int MaxBytes = 256 * 1024, MaxCsvRows = 50;
    private static readonly string[] Images = [".png", ".jpg", ".jpeg", ".gif"];
    private static readonly string[] Texts = [".txt", ".log", ".yaml", ".yml", ".md", ".diff", ".py", ".cs", ".toml", ".ini", ".xml"];

    public static async Task WriteAsync(HtmlBuilder html, HttpContext http, Run run, string file)
    {
        var name = file.Contains('/') ? file[(file.LastIndexOf('/') + 1)..] : file;
        var href = $"/runs/{run.Info.RunId}/artifact?path={HtmlBuilder.Query(file)}";
        html.Raw("<section id=\"preview\" aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">").Text(file).Raw("</h2><p>").Link(href, "Open the raw file").Raw("</p>");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (Images.Contains(extension))
        {
            html.Raw("<img class=\"preview\" src=\"").Text(href).Raw("\" alt=\"").Text(name).Raw("\"></section>");
            return;
        }

        var isModel = name == "MLmodel";
        if (!isModel && extension is not (".json" or ".csv") && !Texts.Contains(extension))
        {
            html.Element("p", "No preview for this kind of file.", "class=\"muted\"").Raw("</section>");
            return;
        }

        string text;
        bool cut;
        try
        {
            (text, cut) = await ReadAsync(http, run, file);
        }
        catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            html.Element("p", $"The file cannot be read: {e.Message}", "class=\"error\"").Raw("</section>");
            return;
        }

        if (cut)
            html.Element("p", $"Showing the first {MaxBytes / 1024} KiB.", "class=\"muted\"");
        if (isModel)
            MlModelView.Write(html, text);
        else if (extension == ".json" && !cut)
            html.Raw("<pre class=\"preview\">").Text(Indent(text)).Raw("</pre>");
        else if (extension == ".csv")
            CsvTable(html, text);
        else
            html.Raw("<pre class=\"preview\">").Text(text).Raw("</pre>");
        html.Raw("</section>");
    }

    private static async Task<(string Text, bool Cut)> ReadAsync(HttpContext http, Run run, string file)
    {
        var (repository, prefix) = http.RequestServices.GetRequiredService<ServerArtifacts>().Resolve(run.Info.ArtifactUri);
        await using var stream = await repository.OpenReadAsync(ArtifactListEndpoints.Join(prefix, file), http.RequestAborted);
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), http.RequestAborted) is var n and > 0)
            read += n;
        var cut = read > MaxBytes;
        return (Encoding.UTF8.GetString(buffer, 0, Math.Min(read, MaxBytes)), cut);
    }

    private static string Indent(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static void CsvTable(HtmlBuilder html, string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0)
        {
            html.Element("p", "Empty file.", "class=\"muted\"");
            return;
        }

        html.Raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"CSV preview\"><table class=\"csv\"><thead><tr>");
        foreach (var cell in Split(lines[0]))
            html.Raw("<th scope=\"col\">").Text(cell).Raw("</th>");
        html.Raw("</tr></thead><tbody>");
        foreach (var line in lines.Skip(1).Take(MaxCsvRows))
        {
            html.Raw("<tr>");
            foreach (var cell in Split(line))
                html.Raw("<td>").Text(cell).Raw("</td>");
            html.Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
        if (lines.Count - 1 > MaxCsvRows)
            html.Element("p", $"The first {MaxCsvRows} of {lines.Count - 1} rows.", "class=\"muted\"");
    }

    // RFC 4180 fields on one line: quoted fields may hold commas and doubled quotes.
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
