using System.Runtime.InteropServices;
using System.Text.Json;
using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// The files of the installed scoring server, read from its <c>Pipeline.Serving.deps.json</c>: its assemblies, their
/// resources, and the native libraries for this machine's runtime identifier (and its family: <c>linux</c>,
/// <c>unix</c>), found where the .NET host looks for them in an app folder. The tool ships the CLI, the tracking server
/// and other platforms' libraries beside them; none of those go into the server's layout.
/// </summary>
internal static class ServerDependencies
{
    /// <summary>Paths relative to <paramref name="installed"/>, sorted; throws naming a listed file the folder lacks.</summary>
    public static IReadOnlyList<string> Files(string installed)
    {
        var name = ServerLayout.ServerName;
        var rid = RuntimeInformation.RuntimeIdentifier;
        var rids = new HashSet<string>(StringComparer.Ordinal) { rid, rid[..Math.Max(0, rid.LastIndexOf('-'))] };
        if (!OperatingSystem.IsWindows())
            rids.Add("unix");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(installed, $"{name}.deps.json")));
        var target = json.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var files = new SortedSet<string>(StringComparer.Ordinal) { $"{name}.dll", $"{name}.deps.json", $"{name}.runtimeconfig.json" };
        foreach (var library in json.RootElement.GetProperty("targets").GetProperty(target).EnumerateObject())
        {
            foreach (var kind in new[] { "runtime", "native", "resources", "runtimeTargets" })
            {
                if (!library.Value.TryGetProperty(kind, out var assets))
                    continue;
                foreach (var asset in assets.EnumerateObject())
                {
                    if (kind == "runtimeTargets" && !(asset.Value.TryGetProperty("rid", out var r) && rids.Contains(r.GetString()!)))
                        continue;
                    var locale = asset.Value.TryGetProperty("locale", out var l) ? l.GetString() : null;
                    if (Locate(installed, kind, asset.Name, locale) is { } found)
                        files.Add(found);
                    else if (!IsSymbols(asset.Name))
                        throw new PipelineException(
                            $"The installed scoring server in {installed} is incomplete: {asset.Name} ({library.Name}), named by {name}.deps.json, is not there. Reinstall the tool.");
                }
            }
        }

        return [.. files];
    }

    // A RID-specific asset keeps its path in an app folder; the others sit at the top (resources in a folder per culture).
    private static string? Locate(string installed, string kind, string asset, string? locale)
    {
        var fileName = Path.GetFileName(asset);
        string[] candidates = kind switch
        {
            "runtimeTargets" => [asset],
            "resources" when locale is not null => [Path.Combine(locale, fileName)],
            _ => [fileName],
        };
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(installed, c)));
    }

    // The tool package leaves out native debug symbols; the host does not need them.
    private static bool IsSymbols(string asset) =>
        asset.EndsWith(".dbg", StringComparison.OrdinalIgnoreCase) || asset.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase);
}
