namespace Pipeline.Server.Dashboard;

/// <summary>A key/value table of tags with a remove button per tag and a form to set one, through the given REST endpoints.</summary>
internal static class TagEditor
{
    /// <summary>Writes the table and forms; <paramref name="renderValue"/> writes a value (e.g. as a link), null as text.</summary>
    public static void Write(HtmlBuilder html, IReadOnlyList<(string Key, string Value)> tags, string setApi, string deleteApi, (string Name, string Value)[] owner,
        Action<HtmlBuilder, string, string>? renderValue = null, string? id = null)
    {
        if (tags.Count == 0)
        {
            html.Element("p", "None.", "class=\"muted\"");
        }
        else
        {
            html.Raw(id is null ? "<table class=\"tags\"><tbody>" : $"<table class=\"tags\" id=\"{id}\"><tbody>");
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                html.Raw("<tr><th scope=\"row\">").Text(key).Raw("</th><td>");
                if (renderValue is null)
                    html.Text(value);
                else
                    renderValue(html, key, value);
                html.Raw("</td><td class=\"actions\">");
                EditForm.Open(html, deleteApi, deleteApi.Contains("/runs/", StringComparison.Ordinal) ? "POST" : "DELETE", $"Remove tag {key}", [.. owner, ("key", key)]);
                EditForm.Close(html, "Remove");
                html.Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        EditForm.Open(html, setApi, "POST", "Set a tag", owner)
            .Raw("<label>Key <input type=\"text\" name=\"key\" required size=\"20\"></label> <label>Value <input type=\"text\" name=\"value\" size=\"30\"></label>");
        EditForm.Close(html, "Set tag");
    }
}
