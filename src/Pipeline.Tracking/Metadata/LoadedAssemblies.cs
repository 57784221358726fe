using System.Reflection;

namespace Pipeline.Tracking.Metadata;

/// <summary>Picks the assemblies that come from the application and its packages out of a loaded set.</summary>
internal static class LoadedAssemblies
{
    // Names the shared framework ships; used when the app is self-contained or single-file and the framework's
    // assemblies sit next to the app's own, so their folder says nothing.
    private static readonly string[] FrameworkPrefixes = ["System.", "Microsoft.Win32.", "Microsoft.VisualBasic", "Microsoft.CSharp", "Microsoft.AspNetCore.", "Microsoft.JSInterop"];
    private static readonly string[] FrameworkNames = ["System", "mscorlib", "netstandard", "WindowsBase", "Microsoft.VisualBasic", "Microsoft.CSharp"];

    public static SortedDictionary<string, AssemblyVersionInfo> NonFramework(IEnumerable<Assembly> assemblies)
    {
        var frameworkRoot = SharedFrameworkRoot();
        var result = new SortedDictionary<string, AssemblyVersionInfo>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            if (assembly.IsDynamic || assembly.GetName() is not { Name: { } name } assemblyName)
            {
                continue;
            }

            if (IsFramework(assembly, name, frameworkRoot))
            {
                continue;
            }

            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            // Two load contexts may hold the same assembly; the first one seen wins so output stays stable.
            result.TryAdd(name, new AssemblyVersionInfo(assemblyName.Version?.ToString() ?? "0.0.0.0", informational));
        }

        return result;
    }

    private static bool IsFramework(Assembly assembly, string name, string? frameworkRoot)
    {
        var location = assembly.Location;
        if (frameworkRoot is not null && location.Length > 0)
        {
            return location.StartsWith(frameworkRoot, StringComparison.Ordinal);
        }

        return FrameworkNames.Contains(name, StringComparer.Ordinal)
            || FrameworkPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>The <c>shared</c> folder of a framework-dependent install (…/shared/Microsoft.NETCore.App/10.0.0/), else null.</summary>
    private static string? SharedFrameworkRoot()
    {
        var coreLib = typeof(object).Assembly.Location;
        if (coreLib.Length == 0)
        {
            return null;
        }

        var shared = Directory.GetParent(coreLib)?.Parent?.Parent;
        return shared is { Name: "shared" } ? shared.FullName + Path.DirectorySeparatorChar : null;
    }
}
