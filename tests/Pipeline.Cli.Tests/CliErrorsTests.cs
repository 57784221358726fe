using Pipeline.Cli.Tests.Stores;

namespace Pipeline.Cli.Tests;

/// <summary>Bad input to the registry, runs and artifacts commands: exit 2 for a bad command line, 1 for what the store refuses; one line, no stack trace.</summary>
public sealed class CliErrorsTests
{
    [Theory]
    [InlineData("artifacts", "download", "--dst-path", "x")]
    [InlineData("artifacts", "download", "--run-id", "abc", "--artifact-uri", "runs:/abc/model")]
    [InlineData("models", "transition", "bc", "1", "Retired")]
    [InlineData("models", "download", "models:/")]
    [InlineData("runs", "compare", "0123456789abcdef0123456789abcdef")]
    [InlineData("runs", "get", "0123456789abcdef0123456789abcdef", "--output", "xml")]
    public async Task InvalidCommandLine_ExitsTwoBeforeOpeningTheStore(params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-cli-tests-").FullName;
        try
        {
            // No store exists: a usage error must be found without one.
            var result = await CliProcess.RunAsync(folder, null, arguments);

            Assert.Equal(2, result.ExitCode);
            Assert.DoesNotContain("   at ", result.Error);
            Assert.DoesNotContain("no tracking database", result.Error);
            Assert.False(File.Exists(Path.Combine(folder, "mlruns.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ModelsDownload_FileDiffersFromManifest_ExitsOneNamingTheFile()
    {
        await using var backend = await CliBackend.StartAsync("sqlite");
        var s = await CliScenario.CreateAsync(backend);
        var stored = new Uri((await backend.Store.GetRunAsync(s.TrialA)).Info.ArtifactUri).LocalPath;
        await File.WriteAllBytesAsync(Path.Combine(stored, "model", "model.zip"), [1, 2, 3]);

        var result = await backend.RunAsync("models", "download", $"models:/{s.ModelName}/1", "--dst", Path.Combine(backend.Folder, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("model.zip is corrupt", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task RunsDelete_UnknownId_ReportsItAndStillDeletesTheOthers()
    {
        await using var backend = await CliBackend.StartAsync("sqlite");
        var s = await CliScenario.CreateAsync(backend);

        var result = await backend.RunAsync("runs", "delete", "ffffffffffffffffffffffffffffffff", s.TrialB);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'ffffffffffffffffffffffffffffffff'", result.Error);
        Assert.Contains($"run {s.TrialB} (trial-b) deleted", result.Output);
        Assert.Equal(Pipeline.Tracking.Entities.LifecycleStage.Deleted, (await backend.Store.GetRunAsync(s.TrialB)).Info.LifecycleStage);
    }

    [Fact]
    public async Task ArtifactsList_ProxiedRunReadThroughItsDatabase_ExitsOneSayingToPassTheServer()
    {
        await using var backend = await CliBackend.StartAsync("http");
        var s = await CliScenario.CreateAsync(backend);

        var result = await CliProcess.RunAsync(backend.Folder, null,
            "artifacts", "list", "--run-id", s.TrialA, "--tracking-uri", "sqlite:///" + Path.Combine(backend.Folder, "server.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("artifact proxy; set the tracking URI", result.Error);
    }
}
