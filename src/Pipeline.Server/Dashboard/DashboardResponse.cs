using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Server.Dashboard;

/// <summary>Writes a whole dashboard page: the shared layout (navigation, inline style) around a body.</summary>
internal static class DashboardResponse
{
    // Only the dashboard's own script file runs (no inline script) and nothing loads from elsewhere; the policy makes a
    // missed encoding inert. connect-src lets the edit forms call this server's REST API. The empty data: icon keeps
    // browsers from asking for /favicon.ico.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static async Task WriteAsync(HttpContext http, string title, HtmlBuilder body, int status = StatusCodes.Status200OK)
    {
        var page = new HtmlBuilder()
            .Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Text(title).Raw(" · Pipeline</title>")
            .Raw("<link rel=\"icon\" href=\"data:,\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>").Raw(DashboardStyle.Css).Raw("</style>")
            .Raw($"<script src=\"{DashboardScript.Path}\" defer></script></head><body><a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Raw("<nav aria-label=\"Main\"><a href=\"/\" class=\"brand\">Pipeline</a><a href=\"/\">Experiments</a><a href=\"/models\">Models</a></nav><main id=\"main\">")
            .Raw(body.ToString())
            .Raw("</main></body></html>\n");
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(page.ToString(), Encoding.UTF8, http.RequestAborted);
    }

    /// <summary>A page that only states a problem (unknown id: 404; bad input: 400).</summary>
    public static Task WriteProblemAsync(HttpContext http, int status, string title, string message) =>
        WriteAsync(http, title, new HtmlBuilder().Element("h1", title).Element("p", message, "class=\"error\""), status);
}
