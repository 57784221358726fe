using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using Pipeline.Docker;
using Pipeline.MSBuild.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.MSBuild.Tests;

/// <summary>
/// <c>dotnet pack</c> of the MSBuild package into a local feed, then a fresh project that adds it and runs the stages
/// with <c>dotnet build</c> (copying the packaged model into its output folder), then serves the model from the package's own scoring server and smoke-tests it (slow: a
/// pack and a restore of about 60 MB; filter out with <c>Category!=Slow</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageInstallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    // Its own model name, so the images this test builds and removes are no other test's.
    private const string ModelName = "msbuild-package-model";

    [Fact]
    public async Task PackedPackage_InstalledInFreshProject_RunsStagesOnBuildCopiesTheModelToOutputAndServesWithoutCheckout()
    {
        using var workspace = new TempWorkspace();
        File.WriteAllText(workspace.PipelineFile, File.ReadAllText(workspace.PipelineFile)
            .Replace("name: breast-cancer-classifier", $"name: {ModelName}", StringComparison.Ordinal));
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
                <PipelineCopyModelToOutput>true</PipelineCopyModelToOutput>
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
        // PipelineCopyModelToOutput: the packaged MLflow model directory is a build output of the user's project.
        Assert.Contains("Package: ", build.Output);
        var copiedModel = workspace.PathOf(Path.Combine("bin", "Debug", "net10.0", "model"));
        Assert.True(File.Exists(Path.Combine(copiedModel, "MLmodel")), build.ToString());
        Assert.True(File.Exists(Path.Combine(copiedModel, "model.zip")), build.ToString());

        await ServesAndSmokeTestsAsync(workspace);
        await RequiredDockerMissingFailsAsync(workspace);
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
            await ServesInDockerAndSmokeTestsAsync(workspace);
        else
            output.WriteLine("DOCKER_HOST is not set: the package's Docker path was not run (start an engine with `eval \"$(bash .ci/docker.sh start)\"`)");
    }

    // A release job's flag: without an engine, DockerServe fails with the stage's error code instead of serving a process.
    private async Task RequiredDockerMissingFailsAsync(TempWorkspace workspace)
    {
        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = $"unix://{workspace.PathOf("no-docker.sock")}" };

        var serve = await DotNetProcess.RunAsync(workspace.Root, Timeout, environment,
            "msbuild", "-t:PipelineDockerServe", "-p:PipelineRequireDocker=true", "-nologo", "-tl:off", "-v:m", "-nodeReuse:false");

        Assert.True(serve.ExitCode != 0, serve.ToString());
        Assert.Contains("error PIPE001", serve.Output);
        Assert.Contains("Docker is required", serve.Output);
        Assert.DoesNotContain("(process)", serve.Output);
    }

    // With the engine CI starts, the same package builds the serving image from its own server's layout (the minimal base
    // and a copy of this machine's .NET runtime), runs it, and SmokeTest checks and stops the container.
    private async Task ServesInDockerAndSmokeTestsAsync(TempWorkspace workspace)
    {
        try
        {
            var smoke = await DotNetProcess.RunAsync(workspace.Root, Timeout, new Dictionary<string, string>(),
                "msbuild", "-t:PipelineSmokeTest", "-p:PipelineRequireDocker=true", "-nologo", "-tl:off", "-v:n", "-nodeReuse:false");

            Assert.True(smoke.ExitCode == 0, smoke.ToString());
            output.WriteLine($"dotnet msbuild -t:PipelineSmokeTest (DockerServe..SmokeTest, container): {smoke.Elapsed.TotalSeconds:F1} s");
            Assert.Contains("Scoring server unchanged: reusing", smoke.Output);
            Assert.Contains(ModelName + ":champion", smoke.Output);
            Assert.Contains("(docker)", smoke.Output);
            Assert.Contains("Latency over", smoke.Output);
            Assert.Contains("Stopped container", smoke.Output);
        }
        finally
        {
            using var engine = DockerEngine.FromEnvironment();
            foreach (var tag in new[] { $"{ModelName}:1", $"{ModelName}:champion" })
            {
                try
                {
                    await engine.Client.Images.DeleteImageAsync(tag, new ImageDeleteParameters());
                }
                catch (DockerApiException)
                {
                    // Not built: the stage failed before the image.
                }
            }
        }
    }

    // The temp folder is outside any checkout, so DockerServe lays out the server the package ships; DOCKER_HOST names a
    // socket that does not exist, so it falls back to a local process, which SmokeTest checks and then stops.
    private async Task ServesAndSmokeTestsAsync(TempWorkspace workspace)
    {
        var port = FreePort();
        File.WriteAllText(workspace.PipelineFile, File.ReadAllText(workspace.PipelineFile).Replace("port: 5001", $"port: {port}", StringComparison.Ordinal));
        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = $"unix://{workspace.PathOf("no-docker.sock")}" };

        var smoke = await DotNetProcess.RunAsync(workspace.Root, Timeout, environment,
            "msbuild", "-t:PipelineSmokeTest", "-nologo", "-tl:off", "-v:n", "-nodeReuse:false");

        var pid = Regex.Match(smoke.Output, @"Server process (\d+) logs to") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            Assert.True(smoke.ExitCode == 0, smoke.ToString());
            output.WriteLine($"dotnet msbuild -t:PipelineSmokeTest (Evaluate..SmokeTest, local server process): {smoke.Elapsed.TotalSeconds:F1} s");
            Assert.Contains("Laying out the installed scoring server", smoke.Output);
            Assert.Contains("No Docker engine is reachable", smoke.Output);
            Assert.Contains($"at http://127.0.0.1:{port} (process)", smoke.Output);
            Assert.Contains("Latency over", smoke.Output);
            Assert.Contains($"Stopped server process {pid}", smoke.Output);
            Assert.False(IsRunning(pid), $"The server process {pid} still runs after SmokeTest.");
        }
        finally
        {
            if (pid != 0 && IsRunning(pid))
            {
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill();
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
        // Every library's XML docs beside its assembly (GenerateDocumentationFile for src/, Directory.Build.props).
        foreach (var library in new[] { "Pipeline.MSBuild", "Pipeline.Stages", "Pipeline.Tracking", "Pipeline.Ml", "Pipeline.Docker" })
            Assert.Contains($"tasks/net10.0/{library}.xml", entries);
        Assert.Contains("tasks/net10.0/Microsoft.ML.Core.dll", entries);
        foreach (var server in new[] { "Pipeline.Serving.dll", "Pipeline.Serving.runtimeconfig.json", "Pipeline.Serving.deps.json", "Prometheus.NetStandard.dll" })
            Assert.Contains($"tasks/net10.0/{server}", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/net10.0/Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith($"tasks/net10.0/runtimes/{platform}/native/", StringComparison.Ordinal) && e.Contains("e_sqlite3", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith($"tasks/net10.0/runtimes/{platform}/native/", StringComparison.Ordinal) && e.Contains("lightgbm", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/net10.0/runtimes/", StringComparison.Ordinal) && !e.StartsWith($"tasks/net10.0/runtimes/{platform}/", StringComparison.Ordinal));
        Assert.Contains("build/Pipeline.MSBuild.props", entries);
        Assert.Contains("build/Pipeline.MSBuild.targets", entries);
        Assert.Contains("buildTransitive/Pipeline.MSBuild.props", entries);
        Assert.Contains("buildTransitive/Pipeline.MSBuild.targets", entries);
        using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open()))
            Assert.StartsWith("# Pipeline.MSBuild", readme.ReadLine());
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
    }
}
