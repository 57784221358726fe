namespace Pipeline.Server.Dashboard;

/// <summary>
/// An edit form the dashboard's script sends as JSON to one of MLflow's REST endpoints (the same calls MLflow's UI
/// makes, so the server's authentication applies). It is hidden until the script shows it: without script the page only reads.
/// </summary>
internal static class EditForm
{
    /// <summary>Opens the form with its fixed fields as hidden inputs; the caller adds visible fields, then <see cref="Close"/>.</summary>
    public static HtmlBuilder Open(HtmlBuilder html, string api, string method, string label, params (string Name, string Value)[] fixedFields) =>
        OpenConfirmed(html, api, method, label, null, fixedFields);

    /// <summary>As <see cref="Open"/>, asking the user to confirm <paramref name="confirm"/> before sending.</summary>
    public static HtmlBuilder OpenConfirmed(HtmlBuilder html, string api, string method, string label, string? confirm, params (string Name, string Value)[] fixedFields)
    {
        html.Raw($"<form class=\"edit\" hidden data-api=\"{HtmlBuilder.Attr(api)}\" data-method=\"{method}\" aria-label=\"{HtmlBuilder.Attr(label)}\"")
            .Raw(confirm is null ? ">" : $" data-confirm=\"{HtmlBuilder.Attr(confirm)}\">");
        foreach (var (name, value) in fixedFields)
            html.Raw($"<input type=\"hidden\" name=\"{HtmlBuilder.Attr(name)}\" value=\"{HtmlBuilder.Attr(value)}\">");
        return html;
    }

    public static HtmlBuilder Close(HtmlBuilder html, string button, string? id = null) =>
        html.Raw(id is null ? " <button type=\"submit\">" : $" <button type=\"submit\" id=\"{id}\">").Text(button)
            .Raw("</button><span class=\"status\" role=\"alert\"></span></form>");
}
