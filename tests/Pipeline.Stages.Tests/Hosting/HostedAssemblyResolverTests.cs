using System.Reflection;
using System.Reflection.Emit;
using Pipeline.Stages.Hosting;

namespace Pipeline.Stages.Tests.Hosting;

/// <summary>
/// The Cake host's situation in miniature: assemblies the process's own dependency list does not name, loaded for the
/// first time from many threads at once, with a handler on <c>AppDomain.AssemblyResolve</c> that (like Cake 7's
/// ScriptAssemblyResolver) keeps its state in a plain HashSet and so must never be reached concurrently.
/// </summary>
public sealed class HostedAssemblyResolverTests : IDisposable
{
    private const int Assemblies = 24;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hosted-resolver-{Guid.NewGuid():N}");
    private readonly string _prefix = $"HostedDependency{Guid.NewGuid():N}";

    public HostedAssemblyResolverTests()
    {
        Directory.CreateDirectory(_folder);
        for (var i = 0; i < Assemblies; i++)
            Emit($"{_prefix}{i}", Path.Combine(_folder, $"{_prefix}{i}.dll"));
    }

    [Fact]
    public async Task FirstLoadsFromManyThreads_AreResolvedBeforeTheHostsAssemblyResolveHandler_EveryTime()
    {
        // Given the host's non-thread-safe handler, and the resolver over the stages' folder
        var hostHandlerCalls = 0;
        var names = new HashSet<string>();
        ResolveEventHandler hostHandler = (_, args) =>
        {
            Interlocked.Increment(ref hostHandlerCalls);
            names.Add(args.Name); // what Cake's handler does, unsynchronised
            return null;
        };
        AppDomain.CurrentDomain.AssemblyResolve += hostHandler;
        try
        {
            using var resolver = new HostedAssemblyResolver(_folder);

            // When 8 threads at a time load every one of them, each for the first time
            using var start = new Barrier(8);
            var loaded = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                start.SignalAndWait();
                return Enumerable.Range(0, Assemblies).Select(i => Assembly.Load(new AssemblyName($"{_prefix}{(i + t) % Assemblies}"))).ToList();
            })));

            // Then all loaded, one assembly per name, and the host's handler was never asked
            Assert.All(loaded, list => Assert.Equal(Assemblies, list.Count));
            Assert.Equal(Assemblies, loaded.SelectMany(l => l).Distinct().Count());
            Assert.All(loaded.SelectMany(l => l), a => Assert.Equal(_folder, Path.GetDirectoryName(a.Location)));
            Assert.Equal(0, hostHandlerCalls);
        }
        finally
        {
            AppDomain.CurrentDomain.AssemblyResolve -= hostHandler;
        }
    }

    [Fact]
    public void Load_OfANameNotInTheFolder_IsLeftToTheHost()
    {
        using var resolver = new HostedAssemblyResolver(_folder);

        Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName($"{_prefix}Missing")));
    }

    [Fact]
    public void ForStages_ResolvesFromTheFolderHoldingTheStages()
    {
        using var resolver = HostedAssemblyResolver.ForStages();

        Assert.Equal(Path.GetDirectoryName(typeof(HostedAssemblyResolver).Assembly.Location), resolver.Directory);
    }

    // A minimal library with one public type, written to disk as a real assembly file.
    private static void Emit(string name, string path)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = new Version(1, 0, 0, 0) }, typeof(object).Assembly);
        var module = builder.DefineDynamicModule(name);
        module.DefineType($"{name}.Marker", TypeAttributes.Public | TypeAttributes.Class).CreateType();
        builder.Save(path);
    }

    public void Dispose()
    {
        // Loaded assemblies keep their files mapped; the folder is removed when the OS allows (Linux: at once).
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
