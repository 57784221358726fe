using System.Runtime.InteropServices;
using System.Text.Json;
using Pipeline.MSBuild.Tests.Infrastructure;

namespace Pipeline.MSBuild.Tests;

/// <summary>
/// build/NativeAssets.targets, checked on real build outputs through their deps files (rewritten by every build, where a
/// folder may keep files an older build copied): this test project's own, which keeps only the build machine's platform,
/// and the MSBuild task project's, which keeps the packaged platforms. Neither names native symbols, and each names only
/// files that are there (the trim runs before the deps file is written).
/// </summary>
public sealed class NativeAssetsTests
{
    private static readonly string TasksOutput = Path.GetDirectoryName(Repository.TasksAssembly)!;

    // The portable name the runtimes/ folders use (a distribution's runtime may call itself e.g. debian.12-x64).
    private static readonly string PortablePlatform =
        $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";

    [Fact]
    public void TestOutput_NamesOnlyThisPlatformsNativeLibraries()
    {
        var os = PortablePlatform.Split('-')[0];

        var platforms = RuntimeTargets(TestDeps).Select(t => t.Rid).Distinct().ToList();

        Assert.Contains(PortablePlatform, platforms);
        Assert.All(platforms, p => Assert.Contains(p, new[] { PortablePlatform, os, "unix" }));
    }

    [Fact]
    public void TaskOutput_NamesThePackagedPlatformsOnly()
    {
        var platforms = RuntimeTargets(TasksDeps).Select(t => t.Rid).Distinct().ToList();

        Assert.Contains(PortablePlatform, platforms);
        Assert.Contains("win-x64", platforms);
        Assert.DoesNotContain("android-arm64", platforms);
        Assert.DoesNotContain("linux-riscv64", platforms);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DepsFile_NamesNoNativeSymbols_AndOnlyFilesThatAreThere(bool tasks)
    {
        var deps = tasks ? TasksDeps : TestDeps;

        var named = RuntimeTargets(deps).Select(t => t.Path).ToList();

        Assert.DoesNotContain(named, p => p.EndsWith(".pdb", StringComparison.Ordinal) || p.EndsWith(".dbg", StringComparison.Ordinal));
        Assert.All(named, p => Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(deps)!, p)), $"{deps} names {p}, which is not there"));
    }

    private static string TestDeps => Path.Combine(AppContext.BaseDirectory, "Pipeline.MSBuild.Tests.deps.json");

    private static string TasksDeps => Path.Combine(TasksOutput, "Pipeline.MSBuild.deps.json");

    // The runtimes/<rid>/... files a deps file's libraries list under "runtimeTargets", with their platform.
    private static IEnumerable<(string Path, string Rid)> RuntimeTargets(string depsFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(depsFile));
        var found = new List<(string, string)>();
        foreach (var target in json.RootElement.GetProperty("targets").EnumerateObject())
            foreach (var library in target.Value.EnumerateObject())
                if (library.Value.TryGetProperty("runtimeTargets", out var files))
                    foreach (var file in files.EnumerateObject())
                        found.Add((file.Name, file.Value.GetProperty("rid").GetString()!));
        return found;
    }
}
