using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// An <c>MLmodel</c> file shown as a reader wants it: its YAML as text, and its signature (the <c>signature.inputs</c> and
/// <c>outputs</c> column-spec JSON strings MLflow writes) as a table of name, type and whether it is required.
/// </summary>
internal static class MlModelView
{
    public const int MaxBytes = 256 * 1024;

    public static void Write(HtmlBuilder html, string yaml)
    {
        WriteSignature(html, yaml);
        html.Raw("<details><summary>MLmodel (YAML)</summary><pre class=\"preview\" id=\"mlmodel\">").Text(yaml).Raw("</pre></details>");
    }

    /// <summary>The signature table alone; a note when the file has no signature or cannot be read.</summary>
    public static void WriteSignature(HtmlBuilder html, string yaml)
    {
        var rows = new List<(string Direction, string Name, string Type, string Required)>();
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("signature"), out var node) && node is YamlMappingNode signature)
            {
                foreach (var direction in new[] { "inputs", "outputs" })
                {
                    if (signature.Children.TryGetValue(new YamlScalarNode(direction), out var spec) && spec is YamlScalarNode { Value: { Length: > 0 } json } && json != "null")
                        rows.AddRange(Columns(json).Select(c => (direction == "inputs" ? "input" : "output", c.Name, c.Type, c.Required)));
                }
            }
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or JsonException)
        {
            html.Element("p", $"The MLmodel file cannot be read: {e.Message}", "class=\"error\"");
            return;
        }

        if (rows.Count == 0)
        {
            html.Element("p", "The model has no signature.", "class=\"muted\"");
            return;
        }

        html.Raw("<table id=\"signature\"><caption>Signature</caption><thead><tr><th scope=\"col\">Column</th><th scope=\"col\">Type</th><th scope=\"col\">Required</th><th scope=\"col\">Role</th></tr></thead><tbody>");
        foreach (var (direction, name, type, required) in rows)
            html.Raw("<tr><td>").Text(name).Raw("</td><td><code>").Text(type).Raw("</code></td><td>").Text(required).Raw("</td><td>").Text(direction).Raw("</td></tr>");
        html.Raw("</tbody></table>");
    }

    private static IEnumerable<(string Name, string Type, string Required)> Columns(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            yield break;
        var index = 0;
        foreach (var column in document.RootElement.EnumerateArray())
        {
            var name = column.TryGetProperty("name", out var n) ? n.GetString() ?? "" : $"(column {index})";
            var type = column.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            // A tensor spec names its element type and shape instead of a column type.
            if (type == "tensor" && column.TryGetProperty("tensor-spec", out var tensor))
                type = $"tensor {tensor.GetRawText()}";
            var required = !column.TryGetProperty("required", out var r) || r.ValueKind != JsonValueKind.False ? "yes" : "no";
            index++;
            yield return (name, type, required);
        }
    }
}
