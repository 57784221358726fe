using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Pipeline.MSBuild.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.MSBuild.Tests;

/// <summary>
/// <c>dotnet pack</c> of the MSBuild package into a local feed, then a fresh project that adds it and runs the stages
/// with <c>dotnet build</c> (slow: a pack and a restore of about 60 MB; filter out with <c>Category!=Slow</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageInstallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task PackedPackage_InstalledInFreshProject_RunsStagesOnBuild()
    {
        using var workspace = new TempWorkspace();
        // A version no earlier run used, so no cache anywhere can answer for this build's package.
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var feed = workspace.PathOf("feed");
        // The task project is already built (a reference of this test project); packing reuses that build.
        // Native libraries for this machine's platform only: compressing all eight platforms' (150 MB) doubles the
        // pack time, and the filter that picks them is what this checks.
        var platform = PortablePlatform();

        var pack = await DotNetProcess.RunAsync(Repository.Root, Timeout, "pack",
            Path.Combine(Repository.Root, "src", "Pipeline.MSBuild", "Pipeline.MSBuild.csproj"),
            "-c", Repository.Configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}", $"-p:PipelinePackRuntimeIdentifiers={platform}",
            "-nologo", "-tl:off", "-v:m", "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        output.WriteLine($"dotnet pack: {pack.Elapsed.TotalSeconds:F1} s, package {new FileInfo(Path.Combine(feed, $"Pipeline.MSBuild.{version}.nupkg")).Length / 1e6:F1} MB");
        AssertPackageLayout(Path.Combine(feed, $"Pipeline.MSBuild.{version}.nupkg"), platform);

        // The machine's own package sources stay in force (no <clear/>); the packages folder is private to the test.
        workspace.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{workspace.PathOf("packages")}" /></config>
              <packageSources><add key="local-feed" value="{feed}" /></packageSources>
            </configuration>
            """);
        workspace.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PipelineFile>pipelines/breast-cancer.yaml</PipelineFile>
                <PipelineStageOnBuild>Select</PipelineStageOnBuild>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pipeline.MSBuild" Version="{version}" />
              </ItemGroup>
              <Target Name="ShowOutputs" AfterTargets="Build">
                <Message Importance="high" Text="BestRunId=$(PipelineBestRunId)" />
              </Target>
            </Project>
            """);
        workspace.Write("Consumer.cs", "namespace Consumer; public static class Marker;");

        var build = await DotNetProcess.RunAsync(workspace.Root, Timeout, "build", "-nologo", "-tl:off", "-v:m", "-nodeReuse:false");

        Assert.True(build.ExitCode == 0, build.ToString());
        output.WriteLine($"dotnet build (restore from the feed, InitStore..Select): {build.Elapsed.TotalSeconds:F1} s");
        foreach (var summary in new[] { "InitStore: experiment 'breast-cancer' ready", "PrepareData: dataset", "Sweep: 12 of 12", "Select: selected" })
            Assert.Contains(summary, build.Output);
        Assert.Matches(new Regex("BestRunId=[0-9a-f]{32}"), build.Output);
        Assert.True(File.Exists(workspace.PathOf("mlruns.db")), build.ToString());
        Assert.True(File.Exists(workspace.PathOf(Path.Combine("bin", "Debug", "net10.0", "Consumer.dll"))), build.ToString());
    }

    // The portable name the runtimes/ folders use (a distribution's SDK may report e.g. debian.12-x64 instead).
    private static string PortablePlatform()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
    }

    private static void AssertPackageLayout(string package, string platform)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("tasks/net10.0/Pipeline.MSBuild.dll", entries);
        Assert.Contains("tasks/net10.0/Pipeline.MSBuild.deps.json", entries);
        Assert.Contains("tasks/net10.0/Pipeline.Stages.dll", entries);
        Assert.Contains("tasks/net10.0/Microsoft.ML.Core.dll", entries);
        Assert.Contains(entries, e => e.StartsWith($"tasks/net10.0/runtimes/{platform}/native/", StringComparison.Ordinal) && e.Contains("e_sqlite3", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith($"tasks/net10.0/runtimes/{platform}/native/", StringComparison.Ordinal) && e.Contains("lightgbm", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/net10.0/runtimes/", StringComparison.Ordinal) && !e.StartsWith($"tasks/net10.0/runtimes/{platform}/", StringComparison.Ordinal));
        Assert.Contains("build/Pipeline.MSBuild.props", entries);
        Assert.Contains("build/Pipeline.MSBuild.targets", entries);
        Assert.Contains("buildTransitive/Pipeline.MSBuild.props", entries);
        Assert.Contains("buildTransitive/Pipeline.MSBuild.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
    }
}
