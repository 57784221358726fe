using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// The scoring server as the installed tool ships it (the CLI references it for <c>pipeline serve</c>, so its assembly,
/// runtimeconfig, deps file and libraries sit beside the CLI's), laid out on its own for serving outside a checkout: the
/// files its deps file names are copied to <c>serving-layout/&lt;hash&gt;/app</c> of the cache folder, named by a hash of
/// their content and of the .NET runtime that runs them, so an unchanged server is laid out once. A copy of that runtime
/// is added beside it (<c>dotnet/</c>) only for an image whose base has none.
/// </summary>
internal sealed class InstalledServer(string installedFolder, string cacheFolder, IStageReporter reporter)
{
    private const string EntryFile = ServerLayout.ServerName + ".dll";

    /// <summary>Where the tool is: the folder of this assembly, then the running app's; null when neither holds the server.</summary>
    public static string? FindNextToThisProgram() =>
        new[] { Path.GetDirectoryName(typeof(InstalledServer).Assembly.Location), AppContext.BaseDirectory }
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.GetFullPath(d!))
            .FirstOrDefault(Holds);

    /// <summary>True when <paramref name="folder"/> has the server's assembly, runtimeconfig and deps file.</summary>
    public static bool Holds(string folder) =>
        new[] { EntryFile, $"{ServerLayout.ServerName}.runtimeconfig.json", $"{ServerLayout.ServerName}.deps.json" }
            .All(f => File.Exists(Path.Combine(folder, f)));

    /// <summary>The laid-out server, copying it first when its files or the runtime changed.</summary>
    public ServerLayout Prepare()
    {
        if (!Holds(installedFolder))
            throw new PipelineException($"{installedFolder} holds no installed scoring server ({EntryFile} with its runtimeconfig and deps files).");
        var files = ServerDependencies.Files(installedFolder);
        var frameworks = HostRuntime.Frameworks(Path.Combine(installedFolder, $"{ServerLayout.ServerName}.runtimeconfig.json"));
        var root = Path.Combine(cacheFolder, "serving-layout", Hash(files, frameworks)[..16]);
        var layout = new ServerLayout(root, Path.Combine(root, "app"), EntryFile, FrameworkDependent: true);
        if (File.Exists(Path.Combine(layout.AppFolder, EntryFile)))
        {
            reporter.Info($"Scoring server unchanged: reusing {root}");
            return layout;
        }

        reporter.Info($"Laying out the installed scoring server ({installedFolder}, {files.Count} files, for {string.Join(", ", frameworks.Select(f => $"{Path.GetFileName(Path.GetDirectoryName(f))} {Path.GetFileName(f)}"))}) in {root}");
        StagedFolder.Publish(layout.AppFolder, EntryFile, staging =>
        {
            foreach (var file in files)
                HostRuntime.CopyFile(Path.Combine(installedFolder, file), Path.Combine(staging, file));
        });
        return layout;
    }

    /// <summary>The copy of this machine's .NET runtime for <paramref name="layout"/> (its <c>dotnet/</c>), made first when missing.</summary>
    public static string EnsureRuntime(ServerLayout layout, IStageReporter reporter)
    {
        var runtime = Path.Combine(layout.Root, "dotnet");
        if (File.Exists(Path.Combine(runtime, Path.GetFileName(HostRuntime.DotnetHost))))
            return runtime;
        var frameworks = HostRuntime.Frameworks(Path.Combine(layout.AppFolder, $"{ServerLayout.ServerName}.runtimeconfig.json"));
        reporter.Info($"Copying the .NET runtime from {HostRuntime.Root} ({string.Join(", ", frameworks)}) for the serving image");
        StagedFolder.Publish(runtime, Path.GetFileName(HostRuntime.DotnetHost), staging => HostRuntime.CopyTo(frameworks, staging));
        return runtime;
    }

    private string Hash(IReadOnlyList<string> files, IReadOnlyList<string> frameworks)
    {
        const string version = "2";
        var runtime = $"{HostRuntime.Root}\n{string.Join('\n', frameworks)}";
        return ContentHashIndex.GetOrCompute(Path.Combine(cacheFolder, "serving-layout"), installedFolder, files, $"serving-layout {version}\n{runtime}", () =>
        {
            var fingerprint = new Fingerprint().Add("serving-layout", version).Add("dotnet", HostRuntime.Root).Add("frameworks", string.Join('\n', frameworks));
            foreach (var file in files)
                fingerprint.AddFile(file.Replace('\\', '/'), Path.Combine(installedFolder, file));
            return fingerprint.Value;
        });
    }
}
