namespace Pipeline.Server.Dashboard;

/// <summary>
/// The runs table's column picker: a checkbox per key column, by group. Without script it is a form whose choice
/// travels in the URL (<c>cols=1&amp;col=...</c>); the dashboard's script applies a change at once and remembers it per
/// experiment in local storage.
/// </summary>
internal static class ColumnPicker
{
    public static void Write(HtmlBuilder html, string path, string experimentId, RunColumns columns, IReadOnlyList<(string Name, string? Value)> keep)
    {
        html.Raw($"<details class=\"picker\"><summary>Columns</summary><form id=\"column-picker\" method=\"get\" action=\"{HtmlBuilder.Attr(path)}\" data-experiment=\"{HtmlBuilder.Attr(experimentId)}\">")
            .Raw("<input type=\"hidden\" name=\"cols\" value=\"1\">");
        foreach (var (name, value) in keep.Where(k => k.Name is "filter" or "order_by" or "max_results" && !string.IsNullOrEmpty(k.Value)))
            html.Raw($"<input type=\"hidden\" name=\"{name}\" value=\"{HtmlBuilder.Attr(value)}\">");
        foreach (var (group, prefix, keys) in columns.Groups().Where(g => g.Keys.Count > 0))
        {
            html.Raw("<fieldset><legend>").Text(group).Raw("</legend>");
            foreach (var key in keys)
            {
                var full = $"{prefix}.{key}";
                html.Raw($"<label><input type=\"checkbox\" name=\"col\" value=\"{HtmlBuilder.Attr(full)}\"{(columns.IsShown(full) ? " checked" : "")}> ").Text(key).Raw("</label>");
            }

            html.Raw("</fieldset>");
        }

        html.Raw("<button type=\"submit\">Show these columns</button></form></details>");
    }
}
