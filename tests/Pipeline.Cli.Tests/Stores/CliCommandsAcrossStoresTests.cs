using System.Text.Json;

namespace Pipeline.Cli.Tests.Stores;

/// <summary>
/// The registry, runs and artifacts commands against each kind of tracking URI: a SQLite file, PostgreSQL and our
/// tracking server over http (artifacts through its proxy). Each scenario runs the real CLI as a process, as CI would.
/// </summary>
public sealed class CliCommandsAcrossStoresTests
{
    [Fact]
    public Task Registry_Sqlite_AliasTagStageAndDownloadWork() => RegistryScenarioAsync("sqlite");

    [PostgresFact]
    public Task Registry_Postgres_AliasTagStageAndDownloadWork() => RegistryScenarioAsync("postgres");

    [Fact]
    public Task Registry_TrackingServer_AliasTagStageAndDownloadWork() => RegistryScenarioAsync("http");

    [Fact]
    public Task Runs_Sqlite_GetCompareDeleteRestoreWork() => RunsScenarioAsync("sqlite");

    [PostgresFact]
    public Task Runs_Postgres_GetCompareDeleteRestoreWork() => RunsScenarioAsync("postgres");

    [Fact]
    public Task Runs_TrackingServer_GetCompareDeleteRestoreWork() => RunsScenarioAsync("http");

    [Fact]
    public Task Artifacts_Sqlite_LogListAndDownloadWork() => ArtifactsScenarioAsync("sqlite");

    [PostgresFact]
    public Task Artifacts_Postgres_LogListAndDownloadWork() => ArtifactsScenarioAsync("postgres");

    [Fact]
    public Task Artifacts_TrackingServer_LogListAndDownloadWork() => ArtifactsScenarioAsync("http");

    private static async Task RegistryScenarioAsync(string kind)
    {
        await using var backend = await CliBackend.StartAsync(kind);
        var s = await CliScenario.CreateAsync(backend);

        var setAlias = Ok(await backend.RunAsync("models", "set-alias", s.ModelName, "champion", "1"));
        Assert.Contains($"models:/{s.ModelName}@champion -> version 1 (new alias)", setAlias.Output);

        Ok(await backend.RunAsync("models", "transition", s.ModelName, "1", "production"));
        Ok(await backend.RunAsync("models", "set-tag", s.ModelName, "team", "ml"));
        Ok(await backend.RunAsync("models", "set-tag", s.ModelName, "validated", "yes", "--version", "1"));

        using (var list = Json(await backend.RunAsync("models", "list", "--output", "json")))
        {
            var model = Assert.Single(list.RootElement.EnumerateArray(), m => m.GetProperty("name").GetString() == s.ModelName);
            Assert.Equal("1", model.GetProperty("aliases").GetProperty("champion").GetString());
            Assert.Equal("ml", model.GetProperty("tags").GetProperty("team").GetString());
        }

        using (var versions = Json(await backend.RunAsync("models", "versions", s.ModelName, "-o", "json")))
        {
            var version = Assert.Single(versions.RootElement.EnumerateArray());
            Assert.Equal("1", version.GetProperty("version").GetString());
            Assert.Equal("Production", version.GetProperty("current_stage").GetString());
            Assert.Equal(["champion"], version.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("yes", version.GetProperty("tags").GetProperty("validated").GetString());
            Assert.Equal(s.TrialA, version.GetProperty("run_id").GetString());
        }

        var destination = Path.Combine(backend.Folder, "downloaded");
        var download = Ok(await backend.RunAsync("models", "download", $"models:/{s.ModelName}@champion", "--dst", destination));
        Assert.Equal(destination, download.Output.Trim());
        Assert.Equal(s.ModelBytes, await File.ReadAllBytesAsync(Path.Combine(destination, "model.zip")));
        Assert.True(File.Exists(Path.Combine(destination, "MLmodel")));

        Ok(await backend.RunAsync("models", "delete-alias", s.ModelName, "champion"));
        var gone = await backend.RunAsync("models", "download", $"models:/{s.ModelName}@champion", "--dst", destination);
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains($"models:/{s.ModelName}@champion", gone.Error);
        NoStackTrace(gone);
    }

    private static async Task RunsScenarioAsync(string kind)
    {
        await using var backend = await CliBackend.StartAsync(kind);
        var s = await CliScenario.CreateAsync(backend);

        using (var run = Json(await backend.RunAsync("runs", "get", s.TrialA, "--output", "json")))
        {
            Assert.Equal(s.TrialA, run.RootElement.GetProperty("info").GetProperty("run_id").GetString());
            Assert.Equal(0.99, run.RootElement.GetProperty("data").GetProperty("metrics").GetProperty("roc_auc").GetDouble());
            Assert.Equal("1", run.RootElement.GetProperty("data").GetProperty("params").GetProperty("C").GetString());
        }

        using (var compare = Json(await backend.RunAsync("runs", "compare", s.TrialA, s.TrialB, "-o", "json")))
        {
            var root = compare.RootElement;
            Assert.Equal("roc_auc", root.GetProperty("selection_metric").GetProperty("key").GetString());
            var param = Assert.Single(root.GetProperty("params").EnumerateArray());
            Assert.Equal("C", param.GetProperty("key").GetString());
            Assert.Equal(["1", "3"], param.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
            var metrics = root.GetProperty("metrics").EnumerateArray().ToList();
            Assert.Equal(["roc_auc", "accuracy_score"], metrics.Select(m => m.GetProperty("key").GetString()));
            Assert.Equal(-0.01, metrics[0].GetProperty("deltas")[1].GetDouble(), 9);
        }

        Ok(await backend.RunAsync("runs", "delete", s.TrialB));
        var active = Ok(await backend.RunAsync("runs", "list", "--experiment", s.ExperimentName, "--output", "csv"));
        Assert.DoesNotContain(s.TrialB, active.Output);
        Assert.Contains(s.TrialA, active.Output);
        Ok(await backend.RunAsync("runs", "restore", s.TrialB));
        Assert.Contains(s.TrialB, Ok(await backend.RunAsync("runs", "list", "--experiment", s.ExperimentName, "--output", "csv")).Output);

        var unknown = await backend.RunAsync("runs", "get", "0123abcd");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'0123abcd'", unknown.Error);
        NoStackTrace(unknown);
    }

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

    private static CliProcess.Result Ok(CliProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return result;
    }

    private static JsonDocument Json(CliProcess.Result result) => JsonDocument.Parse(Ok(result).Output);

    private static void NoStackTrace(CliProcess.Result result)
    {
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
