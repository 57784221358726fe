using System.Reflection;
using System.Runtime.Loader;

namespace Pipeline.Stages.Hosting;

/// <summary>
/// Resolves the stages' dependencies (ML.NET, SQLite, ...) from the folder the stages were loaded from, for a host that
/// loads them by path into a process whose own dependency list does not name them: Cake's script runner (<c>#r</c> is
/// <c>Assembly.LoadFrom</c>). Without it each such dependency falls through to <c>AppDomain.AssemblyResolve</c>, where
/// Cake 7's handler records names in a plain <c>HashSet</c>: two threads loading their first dependency at once (the
/// sweep's parallel trials) corrupt it, and the loader reports the handler's InvalidOperationException as
/// "Could not load file or assembly ... An operation is not legal in the current state (0x80131509)".
/// The default context's <see cref="AssemblyLoadContext.Resolving"/> event runs before that handler, and
/// <see cref="AssemblyLoadContext.LoadFromAssemblyPath"/> is safe to call from many threads at once.
/// </summary>
public sealed class HostedAssemblyResolver : IDisposable
{
    private readonly string _directory;

    /// <summary>Starts resolving from <paramref name="directory"/> until disposed.</summary>
    public HostedAssemblyResolver(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    /// <summary>A resolver for the folder holding the stages (<c>Pipeline.Stages.dll</c>).</summary>
    public static HostedAssemblyResolver ForStages() =>
        new(Path.GetDirectoryName(typeof(HostedAssemblyResolver).Assembly.Location) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory);

    /// <summary>The folder dependencies are resolved from.</summary>
    public string Directory => _directory;

    private Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null || name.Name.EndsWith(".resources", StringComparison.Ordinal))
            return null;
        var path = Path.Combine(_directory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }

    /// <summary>Stops resolving.</summary>
    public void Dispose() => AssemblyLoadContext.Default.Resolving -= Resolve;
}
