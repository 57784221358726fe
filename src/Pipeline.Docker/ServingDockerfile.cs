using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Docker;

/// <summary>Writes the Dockerfile of a serving image (legacy builder syntax only).</summary>
internal static class ServingDockerfile
{
    public static string Render(ServingImageOptions o, string entryFile, IReadOnlyDictionary<string, string>? labels = null)
    {
        var app = ServingImageOptions.AppPathInImage;
        var dotnet = o.RuntimeFolder is null ? "dotnet" : $"{ServingImageOptions.RuntimePathInImage}/dotnet";
        string[] entry = o.FrameworkDependent ? [dotnet, $"{app}/{entryFile}"] : [$"{app}/{entryFile}"];
        var port = o.Port.ToString(CultureInfo.InvariantCulture);
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["PORT"] = port,
            ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{port}",
            // Microsoft's .NET images set ASPNETCORE_HTTP_PORTS=8080; beside ASPNETCORE_URLS it only makes every start warn.
            ["ASPNETCORE_HTTP_PORTS"] = "",
            ["MODEL_PATH"] = ServingImageOptions.ModelPathInImage,
            // A single-file server extracts its native libraries at start; the app folder is not writable.
            ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = "/tmp",
        };
        foreach (var (key, value) in o.Environment)
            env[key] = value;

        var text = new StringBuilder();
        text.Append("FROM ").Append(o.BaseImage).Append('\n');
        // Before the app: the runtime changes least, so its layer is the one most often reused.
        if (o.RuntimeFolder is not null)
            text.Append("COPY dotnet/ ").Append(ServingImageOptions.RuntimePathInImage).Append("/\n");
        text.Append("COPY app/ ").Append(app).Append("/\n");
        if (o.ModelDirectory is not null)
            text.Append("COPY model/ ").Append(ServingImageOptions.ModelPathInImage).Append("/\n");
        if (o.ChallengerDirectory is not null)
            text.Append("COPY challenger/ ").Append(ServingImageOptions.ChallengerPathInImage).Append("/\n");
        // One ENV and one LABEL instruction: the classic builder commits a layer for every instruction.
        text.Append("ENV").Append(Pairs(env, quoteKeys: false)).Append('\n');
        text.Append("WORKDIR ").Append(app).Append('\n');
        foreach (var line in o.AdditionalInstructions)
            text.Append(line).Append('\n');
        text.Append("USER ").Append(o.User).Append('\n');
        text.Append("EXPOSE ").Append(port).Append('\n');
        if (o.HealthCheckArguments is { } probe)
        {
            var seconds = (int)Math.Max(1, o.HealthCheckInterval.TotalSeconds);
            text.Append(CultureInfo.InvariantCulture, $"HEALTHCHECK --interval={seconds}s --timeout=3s --start-period=5s --retries=3 CMD ")
                .Append(JsonSerializer.Serialize(entry.Concat(probe).ToArray())).Append('\n');
        }
        text.Append("ENTRYPOINT ").Append(JsonSerializer.Serialize(entry)).Append('\n');
        if (o.Arguments.Count > 0)
            text.Append("CMD ").Append(JsonSerializer.Serialize(o.Arguments.ToArray())).Append('\n');
        // Last, since the creation time changes on every build and ends the layer cache's reuse there.
        if (labels is { Count: > 0 })
            text.Append("LABEL").Append(Pairs(labels.OrderBy(kv => kv.Key, StringComparer.Ordinal), quoteKeys: true)).Append('\n');
        return text.ToString();
    }

    // Variable names are checked to be plain identifiers; label keys may hold any character, so are quoted.
    private static string Pairs(IEnumerable<KeyValuePair<string, string>> pairs, bool quoteKeys) =>
        string.Concat(pairs.Select(kv => $" {(quoteKeys ? Quote(kv.Key) : kv.Key)}={Quote(kv.Value)}"));

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                    .Replace("$", "\\$", StringComparison.Ordinal) + "\"";
}
