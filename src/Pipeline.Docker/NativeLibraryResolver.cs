using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Docker;

/// <summary>
/// Finds the host libraries a published app needs: <c>ldd</c> over every ELF file of the publish folder, plus
/// named libraries resolved with <c>ldconfig -p</c> (those loaded with dlopen, or packed inside a single-file
/// bundle, never show in <c>ldd</c>), and their own dependencies.
/// </summary>
internal static class NativeLibraryResolver
{
    public static async Task<NativeLibraries> ResolveAsync(
        string? publishFolder, IReadOnlyList<string> sonames, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var local = publishFolder is null ? new HashSet<string>()
            : Directory.EnumerateFiles(publishFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet()!;
        var scanned = new List<string>(publishFolder is null ? [] : ElfFiles(publishFolder));

        var cache = await LdconfigAsync(cancellationToken).ConfigureAwait(false);
        foreach (var soname in sonames)
        {
            if (!cache.TryGetValue(soname, out var path))
                throw new DockerOperationException(
                    $"library '{soname}' is not installed on this host (not in `ldconfig -p`); install it or remove it from the list");
            files[path] = RealPath(path);
            scanned.Add(path);
        }

        // ldd prints the whole dependency closure of a file, so one call per file is enough; they run side by side.
        var results = await Task.WhenAll(scanned.Select(file => LddAsync(file, cancellationToken))).ConfigureAwait(false);
        foreach (var (name, path) in results.SelectMany(r => r))
        {
            if (path is null)
            {
                if (!local.Contains(name))
                    missing.Add(name);
            }
            else if (publishFolder is null || !Path.GetFullPath(path).StartsWith(Path.GetFullPath(publishFolder), StringComparison.Ordinal))
            {
                files.TryAdd(path, RealPath(path));
            }
        }
        return new NativeLibraries(files, missing.ToList());
    }

    private static IEnumerable<string> ElfFiles(string folder)
    {
        var magic = new byte[4];
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            if (stream.Read(magic) == 4 && magic.AsSpan().SequenceEqual("\u007fELF"u8))
                yield return file;
        }
    }

    private static string RealPath(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;

    /// <summary>Parses <c>ldd</c>: "libm.so.6 => /lib/.../libm.so.6 (0x..)", "/lib64/ld-linux-x86-64.so.2 (0x..)", "libx.so => not found".</summary>
    internal static IEnumerable<(string Name, string? Path)> ParseLdd(string output)
    {
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            if (arrow > 0)
            {
                var name = line[..arrow];
                var target = line[(arrow + 4)..];
                if (target.StartsWith("not found", StringComparison.Ordinal))
                    yield return (name, null);
                else if (target.StartsWith('/'))
                    yield return (name, target.Split(' ')[0]);
            }
            else if (line.StartsWith('/'))
            {
                var path = line.Split(' ')[0];
                yield return (Path.GetFileName(path), path);
            }
        }
    }

    private static async Task<IEnumerable<(string, string?)>> LddAsync(string file, CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync("ldd", file, cancellationToken).ConfigureAwait(false);
        // ldd exits 1 for files that are not dynamic executables (static or scripts): nothing to add.
        return code == 0 ? ParseLdd(output).ToList() : [];
    }

    /// <summary>soname → path for this process's architecture, from <c>ldconfig -p</c>.</summary>
    private static async Task<Dictionary<string, string>> LdconfigAsync(CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync(File.Exists("/sbin/ldconfig") ? "/sbin/ldconfig" : "ldconfig", "-p", cancellationToken).ConfigureAwait(false);
        if (code != 0)
            throw new DockerOperationException($"`ldconfig -p` failed (exit {code}): {output.Trim()}");
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x86-64",
            Architecture.Arm64 => "AArch64",
            var other => other.ToString(),
        };
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            // "\tlibgomp.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libgomp.so.1"
            var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            var open = line.IndexOf(" (", StringComparison.Ordinal);
            if (arrow < 0 || open < 0 || open > arrow || !line[open..arrow].Contains(arch, StringComparison.Ordinal))
                continue;
            result.TryAdd(line[..open].Trim(), line[(arrow + 4)..].Trim());
        }
        return result;
    }

    private static async Task<(int Code, string Output)> RunAsync(string tool, string argument, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new DockerOperationException($"could not start `{tool}`");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
