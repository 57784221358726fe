using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Reproduction;

/// <summary>
/// How this machine differs from the one a run recorded in its <c>environment.json</c>: runtime, OS, CPU and the versions
/// of every loaded package, so that a reproduction that fails can be explained.
/// </summary>
internal static class EnvironmentComparison
{
    public static IReadOnlyList<string> Differences(EnvironmentSnapshot recorded, EnvironmentSnapshot current)
    {
        var lines = new List<string>();
        void Check(string what, string? was, string? now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
                lines.Add($"{what}: {was ?? "(none)"} -> {now ?? "(none)"}");
        }

        Check(".NET runtime", recorded.FrameworkDescription, current.FrameworkDescription);
        Check("runtime identifier", recorded.RuntimeIdentifier, current.RuntimeIdentifier);
        Check("OS", $"{recorded.OsDescription} ({recorded.OsPlatform})", $"{current.OsDescription} ({current.OsPlatform})");
        Check("CPU architecture", $"{recorded.OsArchitecture}/{recorded.ProcessArchitecture}", $"{current.OsArchitecture}/{current.ProcessArchitecture}");
        Check("processors", recorded.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            current.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Only assemblies loaded in both processes are compared: which ones are loaded depends on the stages that ran.
        foreach (var (name, was) in recorded.Assemblies.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (current.Assemblies.TryGetValue(name, out var now))
                Check(name, was.InformationalVersion ?? was.Version, now.InformationalVersion ?? now.Version);
        }

        return lines;
    }
}
