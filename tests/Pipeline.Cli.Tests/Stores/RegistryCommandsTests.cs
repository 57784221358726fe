using static Pipeline.Cli.Tests.Stores.CliAssert;

namespace Pipeline.Cli.Tests.Stores;

/// <summary>The <c>models</c> commands (the real CLI, as a process) against each kind of tracking URI: a SQLite file, PostgreSQL and our tracking server over http.</summary>
public sealed class RegistryCommandsTests
{
    [Fact]
    public Task Models_Sqlite_AliasTagStageAndDownloadWork() => RegistryScenarioAsync("sqlite");

    [PostgresFact]
    public Task Models_Postgres_AliasTagStageAndDownloadWork() => RegistryScenarioAsync("postgres");

    [Fact]
    public Task Models_TrackingServer_AliasTagStageAndDownloadWork() => RegistryScenarioAsync("http");

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
}
