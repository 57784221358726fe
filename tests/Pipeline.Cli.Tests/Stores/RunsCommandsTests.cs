using static Pipeline.Cli.Tests.Stores.CliAssert;

namespace Pipeline.Cli.Tests.Stores;

/// <summary><c>runs get | compare | delete | restore</c> (the real CLI, as a process) against each kind of tracking URI: a SQLite file, PostgreSQL and our tracking server over http.</summary>
public sealed class RunsCommandsTests
{
    [Fact]
    public Task Runs_Sqlite_GetCompareDeleteRestoreWork() => RunsScenarioAsync("sqlite");

    [PostgresFact]
    public Task Runs_Postgres_GetCompareDeleteRestoreWork() => RunsScenarioAsync("postgres");

    [Fact]
    public Task Runs_TrackingServer_GetCompareDeleteRestoreWork() => RunsScenarioAsync("http");

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
}
