using System.Text.Json;

namespace Pipeline.Serving.Protocol;

/// <summary>Renders values the way MLflow's (Python) error messages show them, so messages read alike.</summary>
internal static class PythonRepr
{
    private const int MaxTokenLength = 40;

    /// <summary><c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> names) => $"[{string.Join(", ", names.Select(n => $"'{n}'"))}]";

    /// <summary><c>&lt;class 'str'&gt;</c> for a JSON string, and so on.</summary>
    public static string TypeOf(JsonElement element) => $"<class '{TypeName(element)}'>";

    public static string TypeName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "dict",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "str",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "int" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "NoneType",
    };

    /// <summary>The JSON text of a cell, cut to a readable length.</summary>
    public static string Token(JsonElement element) => Cut(element.GetRawText());

    /// <summary>A CSV cell, quoted and cut to a readable length.</summary>
    public static string Token(string text) => Cut($"'{text}'");

    private static string Cut(string text) => text.Length <= MaxTokenLength ? text : text[..MaxTokenLength] + "...";
}
