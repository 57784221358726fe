using System.Reflection;

namespace Pipeline.MSBuild.Tests.Infrastructure;

/// <summary>Paths in the repository the tests were built from, recorded at build time.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The task assembly built in the same configuration as the tests.</summary>
    public static string TasksAssembly { get; } = Metadata("TasksAssembly");

    /// <summary>The configuration the tests and the task project were built in (Debug, Release).</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    public static string Props => Path.Combine(Root, "build", "Pipeline.props");

    public static string Targets => Path.Combine(Root, "build", "Pipeline.targets");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
