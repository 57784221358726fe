using System.Runtime.InteropServices;
using System.Text.Json;
using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// The .NET installation this process runs on (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;</c> is its
/// runtime directory), and a copy of the part of it that a framework-dependent app needs: the <c>dotnet</c> host,
/// the newest <c>host/fxr</c>, and the shared frameworks its runtimeconfig names, at the versions the host would pick.
/// </summary>
internal static class HostRuntime
{
    /// <summary>The installation's root folder, e.g. <c>/usr/share/dotnet</c>.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>The <c>dotnet</c> host (muxer) of <see cref="Root"/>.</summary>
    public static string DotnetHost => Path.Combine(Root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    /// <summary>
    /// The frameworks <paramref name="runtimeConfig"/> asks for as <c>shared/&lt;name&gt;/&lt;version&gt;</c> folders of
    /// <see cref="Root"/>: per framework, the newest installed version of the asked major version not below the asked one
    /// (with only that version present, the default roll-forward policy picks it too).
    /// </summary>
    public static IReadOnlyList<string> Frameworks(string runtimeConfig)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var options = json.RootElement.GetProperty("runtimeOptions");
        var asked = options.TryGetProperty("frameworks", out var many) ? many.EnumerateArray().ToList()
            : options.TryGetProperty("framework", out var one) ? [one] : [];
        var result = new List<string>();
        foreach (var framework in asked)
        {
            var name = framework.GetProperty("name").GetString()!;
            var minimum = Numeric(framework.GetProperty("version").GetString()!);
            var folder = Path.Combine(Root, "shared", name);
            var best = (Directory.Exists(folder) ? Directory.GetDirectories(folder) : [])
                .Select(Path.GetFileName)
                .Where(v => Numeric(v!) is var n && n.Major == minimum.Major && n >= minimum)
                .OrderBy(v => Numeric(v!)).ThenBy(v => !v!.Contains('-', StringComparison.Ordinal)).LastOrDefault()
                ?? throw new PipelineException(
                    $"The .NET installation at {Root} has no {name} {minimum.Major}.x at or above {minimum}, which {Path.GetFileName(runtimeConfig)} needs.");
            result.Add(Path.Combine("shared", name, best));
        }

        return result;
    }

    /// <summary>Copies the host, the newest <c>host/fxr</c> and <paramref name="frameworks"/> into <paramref name="destination"/>.</summary>
    public static void CopyTo(IReadOnlyList<string> frameworks, string destination)
    {
        if (!File.Exists(DotnetHost))
            throw new PipelineException($"No dotnet host at {DotnetHost}: cannot copy this machine's .NET runtime into the serving image.");
        var fxr = Directory.GetDirectories(Path.Combine(Root, "host", "fxr")).MaxBy(d => Numeric(Path.GetFileName(d)))
            ?? throw new PipelineException($"No host/fxr in {Root}.");
        Directory.CreateDirectory(destination);
        CopyFile(DotnetHost, Path.Combine(destination, Path.GetFileName(DotnetHost)));
        foreach (var folder in frameworks.Append(Path.GetRelativePath(Root, fxr)))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
                CopyFile(file, Path.Combine(destination, Path.GetRelativePath(Root, file)));
        }
    }

    /// <summary>Copies one file with its Unix mode (the host and native libraries must stay executable).</summary>
    public static void CopyFile(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
    }

    // "10.0.12" and "10.0.0-rc.1.25451.107" compare by their numbers; a prerelease sorts below its release above.
    private static Version Numeric(string version) =>
        Version.TryParse(version.Split('-')[0], out var v) ? v : new Version(0, 0);
}
