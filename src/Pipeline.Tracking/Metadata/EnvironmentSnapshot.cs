namespace Pipeline.Tracking.Metadata;

/// <summary>
/// Where and with what a run executed, written as the <c>environment.json</c> artifact by
/// <see cref="EnvironmentSnapshotJson"/>. Read it with <see cref="EnvironmentInspector.Capture"/>.
/// </summary>
/// <param name="CapturedAt">When the snapshot was taken (UTC, from the injected clock).</param>
/// <param name="OsDescription">E.g. <c>Debian GNU/Linux 13 (trixie)</c> or <c>Microsoft Windows 10.0.26100</c>.</param>
/// <param name="OsPlatform"><c>Linux</c>, <c>Windows</c>, <c>OSX</c>, <c>FreeBSD</c> or <c>Unknown</c>.</param>
/// <param name="OsArchitecture">The machine's architecture, e.g. <c>X64</c>, <c>Arm64</c>.</param>
/// <param name="ProcessArchitecture">The process's architecture (differs under emulation).</param>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="RuntimeVersion">The .NET runtime version, e.g. <c>10.0.0</c>.</param>
/// <param name="FrameworkDescription">E.g. <c>.NET 10.0.0</c>.</param>
/// <param name="RuntimeIdentifier">E.g. <c>linux-x64</c>.</param>
/// <param name="MachineName">The host name.</param>
/// <param name="ProcessName">The process name (<c>dotnet</c> when run through the host).</param>
/// <param name="User">The user name recorded as <c>mlflow.user</c>.</param>
/// <param name="TimeZone">The local time zone id, e.g. <c>Europe/Berlin</c> or <c>UTC</c>.</param>
/// <param name="Ci">The CI system and build, or null outside CI.</param>
/// <param name="Assemblies">Loaded non-framework assemblies by name, sorted ordinally.</param>
public sealed record EnvironmentSnapshot(
    DateTimeOffset CapturedAt,
    string OsDescription,
    string OsPlatform,
    string OsArchitecture,
    string ProcessArchitecture,
    int ProcessorCount,
    string RuntimeVersion,
    string FrameworkDescription,
    string RuntimeIdentifier,
    string MachineName,
    string ProcessName,
    string User,
    string TimeZone,
    CiInfo? Ci,
    IReadOnlyDictionary<string, AssemblyVersionInfo> Assemblies);
