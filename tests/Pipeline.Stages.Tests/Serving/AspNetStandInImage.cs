using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Pipeline.Docker;
using Pipeline.Stages.Stages.Serve;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>
/// A stand-in for <c>mcr.microsoft.com/dotnet/aspnet:10.0</c>, built without a registry: the minimal base (this host's
/// libraries, OpenSSL included) with a user <c>app</c> of uid/gid 1654 and home <c>/home/app</c>, plus this machine's
/// Microsoft.NETCore.App and Microsoft.AspNetCore.App under <c>/usr/share/dotnet</c>, <c>/usr/bin/dotnet</c> linking to
/// its host, and the official image's <c>APP_UID=1654</c> and <c>ASPNETCORE_HTTP_PORTS=8080</c>. Like the official
/// image it sets no <c>USER</c> (root) and has no shell. Tagged <see cref="Reference"/> and rebuilt only when its
/// content hash (a label) changes.
/// </summary>
internal static class AspNetStandInImage
{
    public const string Reference = "pipeline-test/aspnet:10.0";
    public const int AppUid = 1654;
    private const string HashLabel = "pipeline.test.content-hash";

    /// <summary>Makes sure the engine has the stand-in; true when it was built now, false when reused.</summary>
    public static async Task<bool> EnsureAsync(DockerEngine engine)
    {
        var frameworks = Frameworks();
        var defaults = new MinimalBaseImageOptions();
        var deps = await new MinimalBaseImageBuilder(engine).EnsureAsync(defaults with
        {
            Repository = "pipeline-test/aspnet-deps",
            UserId = AppUid,
            // The runtime's own native files name the rest; OpenSSL is loaded at run time, so ldd cannot see it.
            PublishFolder = Path.Combine(HostRuntime.Root, frameworks[0]),
            Libraries = [.. defaults.Libraries, "libssl.so.3", "libcrypto.so.3"],
        });
        var version = Path.GetFileName(frameworks[0]);
        var dockerfile = $"""
            FROM {deps.Reference}
            COPY dotnet/ /usr/share/dotnet/
            COPY bin/ /usr/bin/
            ENV APP_UID={AppUid} ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true DOTNET_VERSION={version} ASPNET_VERSION={version}

            """;
        var runtime = RuntimeFiles(frameworks);
        var hash = Hash(dockerfile, runtime);
        if (await LabelAsync(engine) == hash)
            return false;

        dockerfile += $"LABEL {HashLabel}={hash}\n";
        await using var context = await ContextAsync(dockerfile, runtime);
        var log = new ErrorLog();
        await engine.Client.Images.BuildImageFromDockerfileAsync(
            new ImageBuildParameters { Dockerfile = "Dockerfile", Tags = [Reference], Remove = true, ForceRemove = true }, context, null, null, log);
        Assert.True(log.Error is null, $"Building {Reference} failed: {log.Error}");
        Assert.Equal(hash, await LabelAsync(engine));
        return true;
    }

    // The running runtime's two shared frameworks, as the official image carries them (NETCore first).
    private static IReadOnlyList<string> Frameworks()
    {
        var config = Path.Combine(Path.GetTempPath(), $"aspnet-stand-in-{Guid.NewGuid():N}.runtimeconfig.json");
        File.WriteAllText(config, System.Text.Json.JsonSerializer.Serialize(new
        {
            runtimeOptions = new
            {
                frameworks = new[]
                {
                    new { name = "Microsoft.NETCore.App", version = Environment.Version.ToString() },
                    new { name = "Microsoft.AspNetCore.App", version = $"{Environment.Version.Major}.0.0" },
                },
            },
        }));
        try
        {
            return HostRuntime.Frameworks(config);
        }
        finally
        {
            File.Delete(config);
        }
    }

    // What HostRuntime.CopyTo copies (host, newest host/fxr, the frameworks): paths relative to the root, sorted.
    private static IReadOnlyList<string> RuntimeFiles(IReadOnlyList<string> frameworks)
    {
        var fxr = Directory.GetDirectories(Path.Combine(HostRuntime.Root, "host", "fxr")).Max(StringComparer.Ordinal)!;
        return frameworks.Select(f => Path.Combine(HostRuntime.Root, f)).Append(fxr)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Append(HostRuntime.DotnetHost)
            .Select(f => Path.GetRelativePath(HostRuntime.Root, f))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string Hash(string dockerfile, IReadOnlyList<string> runtime)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(dockerfile));
        foreach (var file in runtime)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"\n{file}\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(HostRuntime.Root, file)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task<string?> LabelAsync(DockerEngine engine)
    {
        try
        {
            var image = await engine.Client.Images.InspectImageAsync(Reference);
            return image.Config?.Labels is { } labels && labels.TryGetValue(HashLabel, out var hash) ? hash : null;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    // The Dockerfile, dotnet/ (the runtime files with their modes) and bin/dotnet, a link to the host as in the official image.
    private static async Task<MemoryStream> ContextAsync(string dockerfile, IReadOnlyList<string> runtime)
    {
        var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile")
            {
                Mode = (UnixFileMode)0b110_100_100,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)),
            });
            foreach (var file in runtime)
                await writer.WriteEntryAsync(Path.Combine(HostRuntime.Root, file), "dotnet/" + file.Replace('\\', '/'));
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/dotnet")
            {
                LinkName = "/usr/share/dotnet/dotnet",
                Mode = (UnixFileMode)0b111_111_111,
            });
        }

        tar.Position = 0;
        return tar;
    }

    // Synchronous (Progress<T> would report on the thread pool, possibly after the build call returned).
    private sealed class ErrorLog : IProgress<JSONMessage>
    {
        public string? Error { get; private set; }

        public void Report(JSONMessage value) => Error ??= value.ErrorMessage ?? value.Error?.Message;
    }
}
