using System.Diagnostics;
using System.Runtime.InteropServices;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Tests.EndToEnd;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>
/// The installed server's layout from a tool folder in a temp directory: which files its deps file selects, how the
/// runtime's frameworks are picked, and that stopping a recorded server never stops another process.
/// </summary>
public sealed class InstalledServerTests : IDisposable
{
    private static readonly string Rid = RuntimeInformation.RuntimeIdentifier;
    private readonly string _tool = Directory.CreateTempSubdirectory("installed-tool-").FullName;
    private readonly string _cache = Directory.CreateTempSubdirectory("installed-cache-").FullName;

    public InstalledServerTests()
    {
        foreach (var file in new[]
                 {
                     "Pipeline.Serving.dll", "Pipeline.Ml.dll", "Lib.dll", "pipeline.dll", "de/Lib.resources.dll",
                     $"runtimes/{Rid}/native/libnative.so", "runtimes/win-x64/native/native.dll", "runtimes/unix/lib/net10.0/Unix.dll",
                 })
            Write(file, file);
        Write("Pipeline.Serving.runtimeconfig.json", """
            {"runtimeOptions": {"tfm": "net10.0", "frameworks": [{"name": "Microsoft.NETCore.App", "version": "10.0.0"}]}}
            """);
        WriteDeps($"\"runtimes/{Rid}/native/libnative.so.dbg\": {{\"rid\": \"{Rid}\", \"assetType\": \"native\"}}");
    }

    public void Dispose()
    {
        Directory.Delete(_tool, recursive: true);
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public void Files_ToolFolder_TakesTheServersAssembliesResourcesAndThisPlatformsLibrariesOnly()
    {
        var files = ServerDependencies.Files(_tool).Select(f => f.Replace('\\', '/'));

        Assert.Equal(new[]
        {
            "Lib.dll", "Pipeline.Ml.dll", "Pipeline.Serving.deps.json", "Pipeline.Serving.dll", "Pipeline.Serving.runtimeconfig.json",
            "de/Lib.resources.dll", $"runtimes/{Rid}/native/libnative.so", "runtimes/unix/lib/net10.0/Unix.dll",
        }.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Files_ListedAssemblyMissing_ThrowsNamingItAndTheFolder()
    {
        File.Delete(Path.Combine(_tool, "Lib.dll"));

        var error = Assert.Throws<PipelineException>(() => ServerDependencies.Files(_tool));

        Assert.Contains("lib/net10.0/Lib.dll (Lib/1.0.0)", error.Message, StringComparison.Ordinal);
        Assert.Contains(_tool, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_Twice_CopiesTheServerOnceIntoAFolderNamedByItsContent()
    {
        var reporter = new RecordingReporter();

        var first = new InstalledServer(_tool, _cache, reporter).Prepare();
        var second = new InstalledServer(_tool, _cache, reporter).Prepare();
        Write("Lib.dll", "changed");
        var third = new InstalledServer(_tool, _cache, reporter).Prepare();

        Assert.Equal(first, second);
        Assert.NotEqual(first.Root, third.Root);
        Assert.True(File.Exists(Path.Combine(first.AppFolder, "runtimes", Rid, "native", "libnative.so")));
        Assert.False(File.Exists(Path.Combine(first.AppFolder, "pipeline.dll")));
        Assert.Equal([HostRuntime.DotnetHost, Path.Combine(first.AppFolder, "Pipeline.Serving.dll")], first.LocalCommand);
        Assert.Contains(reporter.Lines, l => l.StartsWith("Scoring server unchanged", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_FilesWithTheSizesAndTimesLastHashed_ReusesTheHashAndHashesAgainWhenATimeChanges()
    {
        // Given a tool written a minute ago and laid out once
        foreach (var file in Directory.EnumerateFiles(_tool, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
        var first = new InstalledServer(_tool, _cache, new RecordingReporter()).Prepare();
        var lib = Path.Combine(_tool, "Lib.dll");
        var written = File.GetLastWriteTimeUtc(lib);

        // When a file changes but keeps its size and time, and then its time changes too
        File.WriteAllText(lib, "Lib.dlX");
        File.SetLastWriteTimeUtc(lib, written);
        var second = new InstalledServer(_tool, _cache, new RecordingReporter()).Prepare();
        File.SetLastWriteTimeUtc(lib, written.AddSeconds(1));
        var third = new InstalledServer(_tool, _cache, new RecordingReporter()).Prepare();

        // Then the stamp decides whether the files are read: the same layout, then a new one for the new content
        Assert.Equal(first, second);
        Assert.NotEqual(first.Root, third.Root);
        Assert.Equal("Lib.dlX", File.ReadAllText(Path.Combine(third.AppFolder, "Lib.dll")));
    }

    [Fact]
    public void Frameworks_AskedVersionInstalled_IsTheRunningRuntimesFolder()
    {
        var frameworks = HostRuntime.Frameworks(Path.Combine(_tool, "Pipeline.Serving.runtimeconfig.json"));

        var folder = Assert.Single(frameworks);
        Assert.True(Directory.Exists(Path.Combine(HostRuntime.Root, folder)), folder);
        Assert.StartsWith(Path.Combine("shared", "Microsoft.NETCore.App", "10."), folder, StringComparison.Ordinal);
    }

    [Fact]
    public void Frameworks_AskedMajorNotInstalled_ThrowsNamingFrameworkAndVersion()
    {
        Write("Pipeline.Serving.runtimeconfig.json", """{"runtimeOptions": {"framework": {"name": "Microsoft.NETCore.App", "version": "99.0.0"}}}""");

        var error = Assert.Throws<PipelineException>(() => HostRuntime.Frameworks(Path.Combine(_tool, "Pipeline.Serving.runtimeconfig.json")));

        Assert.Contains("Microsoft.NETCore.App 99.x at or above 99.0.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_ProcessThatIsNotTheServer_LeavesItRunning()
    {
        using var other = Process.Start("sleep", "30");
        try
        {
            Assert.Equal(LocalServerStop.NotRunning, LocalServerProcess.Stop(other.Id));
            Assert.False(other.HasExited);
        }
        finally
        {
            other.Kill();
        }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_tool, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void WriteDeps(string extraTarget) => Write("Pipeline.Serving.deps.json", $$"""
        {
          "runtimeTarget": {"name": ".NETCoreApp,Version=v10.0", "signature": ""},
          "targets": {
            ".NETCoreApp,Version=v10.0": {
              "Pipeline.Serving/1.0.0": {"dependencies": {"Lib": "1.0.0"}, "runtime": {"Pipeline.Serving.dll": {} } },
              "Pipeline.Ml/1.0.0": {"runtime": {"Pipeline.Ml.dll": {} } },
              "Lib/1.0.0": {
                "runtime": {"lib/net10.0/Lib.dll": {} },
                "resources": {"lib/net10.0/de/Lib.resources.dll": {"locale": "de"} },
                "runtimeTargets": {
                  "runtimes/{{Rid}}/native/libnative.so": {"rid": "{{Rid}}", "assetType": "native"},
                  {{extraTarget}},
                  "runtimes/win-x64/native/native.dll": {"rid": "win-x64", "assetType": "native"},
                  "runtimes/unix/lib/net10.0/Unix.dll": {"rid": "unix", "assetType": "runtime"}
                }
              }
            }
          }
        }
        """);
}
