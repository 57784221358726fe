using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Ml.Models;

/// <summary>
/// What is needed to load the model again, written as <c>dotnet_env.json</c> (our counterpart of MLflow's
/// <c>python_env.yaml</c> + <c>requirements.txt</c>): JSON because the serving and Docker stages read it
/// back, and one file because .NET has one runtime and one package source of truth.
/// Example: <c>{"dotnet": "10.0.1", "target_framework": "net10.0", "packages": {"Microsoft.ML": "6.0.0"}}</c>.
/// </summary>
/// <param name="Dotnet">The .NET runtime version, e.g. <c>10.0.1</c>.</param>
/// <param name="TargetFramework">The target framework moniker, e.g. <c>net10.0</c>.</param>
/// <param name="Packages">NuGet package id → version, for the packages that load the model.</param>
public sealed record ModelEnvironment(
    [property: JsonPropertyName("dotnet")] string Dotnet,
    [property: JsonPropertyName("target_framework")] string TargetFramework,
    [property: JsonPropertyName("packages")] IReadOnlyDictionary<string, string> Packages)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// The running process's environment: its runtime, <c>net{major}.{minor}</c>, and the versions of the
    /// given package assemblies (from their informational version, without the <c>+commit</c> suffix).
    /// </summary>
    /// <param name="packages">Package id → an assembly from that package, e.g. <c>("Microsoft.ML", typeof(MLContext).Assembly)</c>.</param>
    public static ModelEnvironment Capture(IEnumerable<(string PackageId, Assembly Assembly)> packages)
    {
        var v = Environment.Version;
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, assembly) in packages) versions[id] = VersionOf(assembly);
        return new ModelEnvironment(v.ToString(3), $"net{v.Major}.{v.Minor}", versions);
    }

    /// <summary>A package version from an assembly's informational version.</summary>
    public static string VersionOf(Assembly assembly)
    {
        var info = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                   ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = info.IndexOf('+');
        return plus >= 0 ? info[..plus] : info;
    }

    /// <summary>The JSON text (indented, packages sorted by id).</summary>
    public string ToJson() => JsonSerializer.Serialize(this with
    {
        Packages = new SortedDictionary<string, string>(Packages.ToDictionary(), StringComparer.Ordinal),
    }, Json) + "\n";

    /// <summary>Parses <c>dotnet_env.json</c>.</summary>
    /// <exception cref="ModelFormatException">Malformed, or a key is missing.</exception>
    public static ModelEnvironment FromJson(string json, string source)
    {
        try
        {
            var env = JsonSerializer.Deserialize<ModelEnvironment>(json, Json);
            if (env?.Dotnet is null || env.TargetFramework is null || env.Packages is null)
                throw new ModelFormatException($"{source}: needs the keys 'dotnet', 'target_framework' and 'packages'.");
            return env;
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source}: not valid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    /// <summary>The runtime identifier of this process (e.g. <c>linux-x64</c>), for image builds.</summary>
    public static string CurrentRuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;
}
