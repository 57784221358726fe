using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// Builds an HTML fragment where every piece of data goes through <see cref="Text"/> (HTML-encoded) and only the
/// dashboard's own markup through <see cref="Raw"/>; numbers and times are formatted invariantly.
/// </summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder _sb = new();

    public HtmlBuilder Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string? text)
    {
        _sb.Append(WebUtility.HtmlEncode(text ?? ""));
        return this;
    }

    /// <summary>An element whose whole content is encoded text: <c>&lt;tag attrs&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlBuilder Element(string tag, string? text, string attributes = "") =>
        Raw($"<{tag}{(attributes.Length > 0 ? " " + attributes : "")}>").Text(text).Raw($"</{tag}>");

    /// <summary>A link; <paramref name="href"/> is encoded as an attribute value.</summary>
    public HtmlBuilder Link(string href, string? text, string attributes = "") =>
        Raw("<a href=\"").Text(href).Raw(attributes.Length > 0 ? "\" " + attributes + ">" : "\">").Text(text).Raw("</a>");

    public override string ToString() => _sb.ToString();

    /// <summary>An attribute value, encoded (quotes included).</summary>
    public static string Attr(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>A metric value as MLflow's UI shows it: up to 6 significant digits, NaN and infinities spelled out.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A Unix-ms time as UTC <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Time(long? unixMs) =>
        unixMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    /// <summary>A query-string component, percent-encoded.</summary>
    public static string Query(string value) => Uri.EscapeDataString(value);
}
