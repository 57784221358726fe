namespace Pipeline.Tracking.Stores.Rest;

/// <summary>Builds a URL query string, escaping each value; null values are left out, list values repeat the key (MLflow's GET form).</summary>
internal static class Query
{
    public static string Of(params (string Name, string? Value)[] pairs) =>
        string.Join('&', pairs.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    public static string Join(string first, string name, IEnumerable<string>? values) =>
        values is null ? first : string.Join('&', new[] { first }.Concat(values.Select(v => $"{name}={Uri.EscapeDataString(v)}")).Where(s => s.Length > 0));
}
