using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Tracking.Metadata;

/// <summary>Takes an <see cref="EnvironmentSnapshot"/> of the current process.</summary>
public static class EnvironmentInspector
{
    /// <summary>
    /// Captures the process's environment. Variables (user, CI) are read from <paramref name="env"/> only;
    /// <paramref name="time"/> stamps the snapshot (defaults to <see cref="TimeProvider.System"/>).
    /// </summary>
    public static EnvironmentSnapshot Capture(IEnvironmentVariables env, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        time ??= TimeProvider.System;
        return new EnvironmentSnapshot(
            CapturedAt: time.GetUtcNow(),
            OsDescription: RuntimeInformation.OSDescription,
            OsPlatform: Platform(),
            OsArchitecture: RuntimeInformation.OSArchitecture.ToString(),
            ProcessArchitecture: RuntimeInformation.ProcessArchitecture.ToString(),
            ProcessorCount: Environment.ProcessorCount,
            RuntimeVersion: Environment.Version.ToString(),
            FrameworkDescription: RuntimeInformation.FrameworkDescription,
            RuntimeIdentifier: RuntimeInformation.RuntimeIdentifier,
            MachineName: Environment.MachineName,
            ProcessName: ProcessName(),
            User: UserNames.Current(env),
            TimeZone: time.LocalTimeZone.Id,
            Ci: CiDetector.Detect(env),
            Assemblies: LoadedAssemblies.NonFramework(AppDomain.CurrentDomain.GetAssemblies()));
    }

    private static string Platform() =>
        OperatingSystem.IsLinux() ? "Linux"
        : OperatingSystem.IsWindows() ? "Windows"
        : OperatingSystem.IsMacOS() ? "OSX"
        : OperatingSystem.IsFreeBSD() ? "FreeBSD"
        : "Unknown";

    private static string ProcessName()
    {
        using var process = Process.GetCurrentProcess();
        return process.ProcessName;
    }
}
