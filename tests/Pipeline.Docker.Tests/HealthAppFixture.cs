using System.Diagnostics;
using System.Security.Cryptography;

namespace Pipeline.Docker.Tests;

/// <summary>
/// Publishes the stand-in server (Assets/HealthApp) self-contained for linux-x64 once per source content, into a
/// cache folder under the temp directory, and shares one engine and the minimal base image between tests.
/// </summary>
public sealed class HealthAppFixture : IAsyncLifetime
{
    public const string EntryPoint = "HealthApp";

    public string PublishFolder { get; private set; } = "";
    public TimeSpan PublishTime { get; private set; }
    public DockerEngine Engine { get; } = DockerEngine.FromEnvironment();
    public MinimalBaseImage? BaseImage { get; private set; }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
            return;
        var source = Path.Combine(AppContext.BaseDirectory, "Assets", "HealthApp");
        var files = Directory.GetFiles(source).Order(StringComparer.Ordinal).ToList();
        var hash = Convert.ToHexString(SHA256.HashData(files.SelectMany(File.ReadAllBytes).ToArray()))[..16];
        var cache = Path.Combine(Path.GetTempPath(), "pipeline-docker-tests", "healthapp-" + hash);
        PublishFolder = Path.Combine(cache, "publish");
        var clock = Stopwatch.StartNew();
        if (!File.Exists(Path.Combine(cache, "published")))
        {
            var work = Path.Combine(cache, "src");
            Directory.CreateDirectory(work);
            foreach (var file in files)
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)), overwrite: true);
            await PublishAsync(Path.Combine(work, "HealthApp.csproj"), PublishFolder);
            await File.WriteAllTextAsync(Path.Combine(cache, "published"), "");
        }
        PublishTime = clock.Elapsed;
        BaseImage = await new MinimalBaseImageBuilder(Engine).EnsureAsync(new MinimalBaseImageOptions { PublishFolder = PublishFolder });
    }

    public async Task DisposeAsync()
    {
        using var runner = new ContainerRunner(Engine);
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
            await runner.RemoveManagedAsync();
        Engine.Dispose();
    }

    private static async Task PublishAsync(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained",
                "-p:InvariantGlobalization=true", "-o", output, "-nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish of the test server failed:\n{await stdout}\n{await stderr}");
    }
}

[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<HealthAppFixture>
{
    public const string Name = "docker";
}
