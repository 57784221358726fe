using static Pipeline.Cli.Tests.Stores.CliAssert;

namespace Pipeline.Cli.Tests.Stores;

/// <summary><c>artifacts log-file | list | download</c> (the real CLI, as a process) against each kind of tracking URI: a SQLite file, PostgreSQL and our tracking server over http.</summary>
public sealed class ArtifactsCommandsTests
{
    [Fact]
    public Task Artifacts_Sqlite_LogListAndDownloadWork() => ArtifactsScenarioAsync("sqlite");

    [PostgresFact]
    public Task Artifacts_Postgres_LogListAndDownloadWork() => ArtifactsScenarioAsync("postgres");

    [Fact]
    public Task Artifacts_TrackingServer_LogListAndDownloadWork() => ArtifactsScenarioAsync("http");

    private static async Task ArtifactsScenarioAsync(string kind)
    {
        await using var backend = await CliBackend.StartAsync(kind);
        var s = await CliScenario.CreateAsync(backend);
        var notes = Path.Combine(backend.Folder, "notes.txt");
        await File.WriteAllTextAsync(notes, "reviewed by alice\n");

        var logged = Ok(await backend.RunAsync("artifacts", "log-file", "--local-file", notes, "--run-id", s.TrialA, "--artifact-path", "docs"));
        Assert.Contains("logged docs/notes.txt (18 bytes", logged.Output);

        using (var list = Json(await backend.RunAsync("artifacts", "list", "--run-id", s.TrialA, "--output", "json")))
        {
            var entries = list.RootElement.EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("is_dir").GetBoolean())).ToList();
            Assert.Equal([("docs", true), ("model", true)], entries);
        }

        var one = Path.Combine(backend.Folder, "one");
        var file = Ok(await backend.RunAsync("artifacts", "download", "--run-id", s.TrialA, "--artifact-path", "docs/notes.txt", "--dst-path", one));
        Assert.Equal(Path.Combine(one, "docs", "notes.txt"), file.Output.Trim());
        Assert.Equal("reviewed by alice\n", await File.ReadAllTextAsync(Path.Combine(one, "docs", "notes.txt")));

        var two = Path.Combine(backend.Folder, "two");
        var folder = Ok(await backend.RunAsync("artifacts", "download", "--artifact-uri", $"runs:/{s.TrialA}/model", "--dst-path", two));
        Assert.Equal(Path.Combine(two, "model"), folder.Output.Trim());
        Assert.Equal(s.ModelBytes, await File.ReadAllBytesAsync(Path.Combine(two, "model", "model.zip")));
    }
}
