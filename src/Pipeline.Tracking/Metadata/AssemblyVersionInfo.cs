namespace Pipeline.Tracking.Metadata;

/// <summary>
/// A loaded assembly: its <paramref name="Version"/> (assembly version) and <paramref name="InformationalVersion"/>
/// (usually the package version, possibly with a <c>+commit</c> suffix; null when the assembly declares none).
/// </summary>
public sealed record AssemblyVersionInfo(string Version, string? InformationalVersion);
