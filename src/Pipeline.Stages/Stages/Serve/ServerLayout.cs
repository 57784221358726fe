namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// The scoring server ready to run: <paramref name="AppFolder"/> holds it and <paramref name="EntryFile"/> starts it,
/// either a self-contained executable (published from the checkout) or, when <paramref name="FrameworkDependent"/>,
/// an assembly run by a .NET host (the installed tool's copy). <paramref name="Root"/> is the cached folder that holds
/// it all, where a copy of the .NET runtime is added for images without one.
/// </summary>
internal sealed record ServerLayout(string Root, string AppFolder, string EntryFile, bool FrameworkDependent)
{
    /// <summary>The server's file name without extension; also what its process is called when started directly.</summary>
    public const string ServerName = "Pipeline.Serving";

    /// <summary>How this machine starts the server: the executable, or this process's <c>dotnet</c> host and the assembly.</summary>
    public IReadOnlyList<string> LocalCommand => FrameworkDependent
        ? [HostRuntime.DotnetHost, Path.Combine(AppFolder, EntryFile)]
        : [Path.Combine(AppFolder, EntryFile)];
}
